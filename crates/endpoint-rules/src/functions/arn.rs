//! `aws.parseArn`.

use crate::val::Val;

/// Parses `arn:partition:service:region:account-id:resource`. Partition, service and resource
/// must be non-empty; region and account may be empty. The resource is split on `:` and `/`
/// into `resourceId`.
pub(crate) fn parse_arn(value: &str) -> Option<Val> {
    let mut parts = value.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource
        .split([':', '/'])
        .map(|s| Val::Str(s.to_owned()))
        .collect();
    Some(Val::record([
        ("partition", Val::Str(partition.to_owned())),
        ("service", Val::Str(service.to_owned())),
        ("region", Val::Str(region.to_owned())),
        ("accountId", Val::Str(account.to_owned())),
        ("resourceId", Val::Array(resource_id)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse_path;

    fn get(v: &Val, path: &str) -> Option<Val> {
        v.at(&parse_path(path).unwrap()).cloned()
    }

    #[test]
    fn parses_the_spec_examples() {
        let arn =
            parse_arn("arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e9801d129EXAMPLE").unwrap();
        assert_eq!(get(&arn, "partition"), Some(Val::Str("aws".into())));
        assert_eq!(get(&arn, "service"), Some(Val::Str("ec2".into())));
        assert_eq!(get(&arn, "region"), Some(Val::Str("us-east-1".into())));
        assert_eq!(
            get(&arn, "accountId"),
            Some(Val::Str("012345678910".into()))
        );
        assert_eq!(
            get(&arn, "resourceId[1]"),
            Some(Val::Str("vpc-0e9801d129EXAMPLE".into()))
        );
        assert_eq!(get(&arn, "resourceId[2]"), None);
        let s3 = parse_arn("arn:aws:s3:::bucket_name").unwrap();
        assert_eq!(get(&s3, "region"), Some(Val::Str(String::new())));
        assert_eq!(
            get(&s3, "resourceId[0]"),
            Some(Val::Str("bucket_name".into()))
        );
        let ddb = parse_arn("arn:aws:dynamodb:us-east-1:222222222222:table/t:x/y").unwrap();
        let ids: Vec<_> = ["table", "t", "x", "y"]
            .iter()
            .map(|s| Val::Str(s.to_string()))
            .collect();
        assert_eq!(get(&ddb, "resourceId"), Some(Val::Array(ids)));
    }

    #[test]
    fn rejects_what_is_not_an_arn() {
        for bad in [
            "11111111-2222-3333-4444-555555555555",
            "arn:aws:s3:us-east-1:1234",
            "arn::s3:::b",
            "arn:aws::::b",
            "arn:aws:s3:::",
            "ARN:aws:s3:::b",
            "",
        ] {
            assert_eq!(parse_arn(bad), None, "{bad}");
        }
    }
}
