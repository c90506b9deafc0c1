//! The rule set of services whose model has no `smithy.rules#endpointRuleSet`: AWS's standard
//! regional pattern, so those clients go through the same rules engine as every other.

/// The standard rule set for a service whose hosts start with `endpoint_prefix` (a host label,
/// checked by the generator): the configured endpoint URL when set; else
/// `https://<prefix>[-fips].<region>.<dnsSuffix or dualStackDnsSuffix>` from the region's
/// partition, refusing FIPS or dual-stack where the partition does not support it.
pub(crate) fn standard_rule_set(endpoint_prefix: &str) -> String {
    // The prefix is inserted into JSON strings and becomes part of a host: characters that
    // could break either (quotes, braces, slashes) are dropped rather than trusted.
    let prefix: String = endpoint_prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    let endpoint = |host: &str| {
        format!(
            r#"{{"conditions":[],"type":"endpoint","endpoint":{{"url":"https://{host}","properties":{{}},"headers":{{}}}}}}"#
        )
    };
    let supports = |attr: &str| {
        format!(
            r#"{{"fn":"booleanEquals","argv":[true,{{"fn":"getAttr","argv":[{{"ref":"PartitionResult"}},"{attr}"]}}]}}"#
        )
    };
    let flag = |name: &str| format!(r#"{{"fn":"booleanEquals","argv":[{{"ref":"{name}"}},true]}}"#);
    let branch = |flags: &[&str], attrs: &[&str], host: &str, error: &str| {
        let flags: Vec<String> = flags.iter().map(|f| flag(f)).collect();
        let attrs: Vec<String> = attrs.iter().map(|a| supports(a)).collect();
        format!(
            r#"{{"conditions":[{}],"type":"tree","rules":[{{"conditions":[{}],"type":"tree","rules":[{}]}},{{"conditions":[],"type":"error","error":"{error}"}}]}}"#,
            flags.join(","),
            attrs.join(","),
            endpoint(host)
        )
    };
    let both = branch(
        &["UseFIPS", "UseDualStack"],
        &["supportsFIPS", "supportsDualStack"],
        &format!("{prefix}-fips.{{Region}}.{{PartitionResult#dualStackDnsSuffix}}"),
        "FIPS and DualStack are enabled, but this partition does not support one or both",
    );
    let fips = branch(
        &["UseFIPS"],
        &["supportsFIPS"],
        &format!("{prefix}-fips.{{Region}}.{{PartitionResult#dnsSuffix}}"),
        "FIPS is enabled but this partition does not support FIPS",
    );
    let dual = branch(
        &["UseDualStack"],
        &["supportsDualStack"],
        &format!("{prefix}.{{Region}}.{{PartitionResult#dualStackDnsSuffix}}"),
        "DualStack is enabled but this partition does not support DualStack",
    );
    let plain = endpoint(&format!(
        "{prefix}.{{Region}}.{{PartitionResult#dnsSuffix}}"
    ));
    format!(
        r#"{{"version":"1.0","parameters":{{
"Region":{{"builtIn":"AWS::Region","required":false,"type":"string"}},
"UseDualStack":{{"builtIn":"AWS::UseDualStack","required":true,"default":false,"type":"boolean"}},
"UseFIPS":{{"builtIn":"AWS::UseFIPS","required":true,"default":false,"type":"boolean"}},
"Endpoint":{{"builtIn":"SDK::Endpoint","required":false,"type":"string"}}}},
"rules":[
{{"conditions":[{{"fn":"isSet","argv":[{{"ref":"Endpoint"}}]}}],"type":"tree","rules":[
 {{"conditions":[{fips_on}],"type":"error","error":"Invalid Configuration: FIPS and custom endpoint are not supported"}},
 {{"conditions":[{dual_on}],"type":"error","error":"Invalid Configuration: Dualstack and custom endpoint are not supported"}},
 {{"conditions":[],"type":"endpoint","endpoint":{{"url":{{"ref":"Endpoint"}},"properties":{{}},"headers":{{}}}}}}]}},
{{"conditions":[{{"fn":"isSet","argv":[{{"ref":"Region"}}]}}],"type":"tree","rules":[
 {{"conditions":[{{"fn":"aws.partition","argv":[{{"ref":"Region"}}],"assign":"PartitionResult"}}],"type":"tree","rules":[{both},{fips},{dual},{plain}]}}]}},
{{"conditions":[],"type":"error","error":"Invalid Configuration: Missing Region"}}]}}"#,
        fips_on = flag("UseFIPS"),
        dual_on = flag("UseDualStack"),
    )
}
