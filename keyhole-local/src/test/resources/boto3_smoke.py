"""boto3 against keyhole local: the endpoint URL is argv[1]. Prints one line per check; exits non-zero on a failure."""
import sys

import boto3
import botocore.exceptions

endpoint = sys.argv[1]
admin = dict(endpoint_url=endpoint, region_name="us-east-1",
             aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
ddb = boto3.client("dynamodb", **admin)
ddb.create_table(TableName="Boto", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                 KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
ddb.put_item(TableName="Boto", Item={"pk": {"S": "a"}, "n": {"N": "1"}})
item = ddb.get_item(TableName="Boto", Key={"pk": {"S": "a"}})["Item"]
assert item["n"]["N"] == "1", item
print("get_item ok")
table = boto3.resource("dynamodb", **admin).Table("Boto")
table.update_item(Key={"pk": "a"}, UpdateExpression="ADD n :one", ExpressionAttributeValues={":one": 2})
assert table.get_item(Key={"pk": "a"})["Item"]["n"] == 3
print("resource update ok")
sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="AKIAKEYHOLEDEMO00001",
                   aws_secret_access_key="keyhole-demo-secret-not-for-production-0001")
creds = sts.assume_role(RoleArn="arn:aws:iam::000000000000:role/keyhole-exec", RoleSessionName="boto-run",
                        SourceIdentity="alice")["Credentials"]
narrowed = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"])
try:
    narrowed.scan(TableName="Boto")
    print("scan was allowed")
    sys.exit(1)
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "AccessDeniedException", e.response
    print("scan denied ok")
