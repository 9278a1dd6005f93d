/** STS's query protocol: AssumeRole and GetCallerIdentity, validated and authorized as AWS does. */
package dev.keyhole.local.sts;
