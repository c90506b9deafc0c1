//! Host-name checks: `isValidHostLabel` and `aws.isVirtualHostableS3Bucket`.

use super::url::is_ipv4;

/// `isValidHostLabel(value, allowSubDomains)`: an RFC 1123 label (1 to 63 ASCII letters,
/// digits and hyphens, starting with a letter or digit); with `allow_sub_domains`, one or more
/// such labels joined by dots.
pub(crate) fn is_valid_host_label(value: &str, allow_sub_domains: bool) -> bool {
    if allow_sub_domains {
        value.split('.').all(is_label)
    } else {
        is_label(value)
    }
}

fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// `aws.isVirtualHostableS3Bucket(value, allowSubDomains)`: whether an S3 bucket name can be
/// the first label(s) of a virtual-hosted-style host: 3 to 63 lower-case letters, digits and
/// hyphens (and dots when `allow_sub_domains`, never next to another dot or before a hyphen),
/// beginning and ending with a letter or digit, and not shaped like an IPv4 address.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_sub_domains: bool) -> bool {
    let bytes = value.as_bytes();
    let lower_alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !(3..=63).contains(&bytes.len()) || !lower_alnum(first) || !lower_alnum(last) {
        return false;
    }
    if !allow_sub_domains {
        return bytes.iter().all(|&b| lower_alnum(b) || b == b'-');
    }
    let well_formed = bytes.windows(2).all(|pair| match (pair[0], pair[1]) {
        (b'.' | b'-', b'.') | (b'.', b'-') => false,
        (_, c) => lower_alnum(c) || c == b'-' || c == b'.',
    });
    well_formed && !is_ipv4(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(is_valid_host_label("a", false));
        assert!(is_valid_host_label("0abc-", false));
        assert!(is_valid_host_label(&"a".repeat(63), false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-abc", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(!is_valid_host_label("a_b", false));
        assert!(!is_valid_host_label("ü", false));
        assert!(is_valid_host_label("3aws4", false));
        assert!(!is_valid_host_label("part1 part2", true));
        assert!(!is_valid_host_label("", true));
        assert!(is_valid_host_label("a.b-c.d", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("a.", true));
        assert!(!is_valid_host_label("a.-b", true));
    }

    #[test]
    fn s3_buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(is_virtual_hostable_s3_bucket(
            "mybucket--usw2-az1--x-s3",
            false
        ));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket(&"a".repeat(64), false));
        assert!(!is_virtual_hostable_s3_bucket("MyBucket", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
        assert!(!is_virtual_hostable_s3_bucket("my.bucket", false));
        assert!(is_virtual_hostable_s3_bucket("my.bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("my..bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("my-.bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("my.-bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("192.168.5.4", true));
        assert!(!is_virtual_hostable_s3_bucket("bücket", true));
    }
}
