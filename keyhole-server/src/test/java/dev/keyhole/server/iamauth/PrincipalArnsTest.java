package dev.keyhole.server.iamauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keyhole principal an STS caller ARN is. */
class PrincipalArnsTest {

    @Test
    void aRoleSessionIsItsRoleWithoutTheSession() {
        assertThat(PrincipalArns.principal("arn:aws:sts::111122223333:assumed-role/billing-worker/i-0abc123"))
                .contains("arn:aws:iam::111122223333:role/billing-worker");
    }

    @Test
    void theRoleKeepsItsPartition() {
        assertThat(PrincipalArns.principal("arn:aws-us-gov:sts::111122223333:assumed-role/etl/job-7"))
                .contains("arn:aws-us-gov:iam::111122223333:role/etl");
    }

    @Test
    void anIamUserIsItself() {
        assertThat(PrincipalArns.principal("arn:aws:iam::111122223333:user/ci/deployer"))
                .contains("arn:aws:iam::111122223333:user/ci/deployer");
    }

    @Test
    void theRootAndFederatedUsersAreNoPrincipals() {
        assertThat(PrincipalArns.principal("arn:aws:iam::111122223333:root")).isEmpty();
        assertThat(PrincipalArns.principal("arn:aws:sts::111122223333:federated-user/bob")).isEmpty();
        assertThat(PrincipalArns.principal("arn:aws:sts::111122223333:assumed-role/no-session")).isEmpty();
    }
}
