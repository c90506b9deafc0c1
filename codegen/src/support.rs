//! What Ingot does with every trait of the Smithy prelude and the `aws.*` namespaces: one table,
//! which drives the warnings for traits Ingot does not implement and is printed in the README
//! (`codegen/tests/trait_table.rs` keeps the two and the official trait definitions in step).

use crate::diag::Diagnostic;
use crate::index::ShapeIndex;
use crate::model::Traits;

/// What Ingot does with a trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Changes the generated code as the trait asks.
    Implemented,
    /// Read and checked, with no code of its own (e.g. another protocol next to awsJson).
    Validated,
    /// Has no effect on an awsJson client or server (documentation, other protocols' bindings,
    /// model tooling); ignored without a word.
    Ignored,
    /// Would change behaviour and is not implemented: every use is reported as a warning.
    Warned,
}

impl Support {
    /// The word used in the README table.
    pub fn label(self) -> &'static str {
        match self {
            Support::Implemented => "implemented",
            Support::Validated => "validated",
            Support::Ignored => "ignored",
            Support::Warned => "warned",
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct TraitSupport {
    /// Absolute trait id.
    pub id: &'static str,
    pub support: Support,
    /// What Ingot does, or why ignoring the trait is harmless, or what is missing.
    pub note: &'static str,
}

const fn row(id: &'static str, support: Support, note: &'static str) -> TraitSupport {
    TraitSupport { id, support, note }
}

use Support::{Ignored, Implemented, Validated, Warned};

/// Documentation-only traits.
const DOCS: &str = "documentation only";
/// HTTP binding traits: the awsJson protocols put everything in the JSON body.
const HTTP: &str = "HTTP binding; awsJson protocols ignore HTTP bindings";
/// XML traits.
const XML: &str = "XML protocols only";
/// Traits that describe traits, protocols or auth schemes.
const META: &str = "describes traits, protocols or auth schemes; no code of its own";
/// Resource modelling traits.
const RESOURCE: &str = "resource modelling; no effect on the wire";
/// Another protocol's trait.
const OTHER_PROTOCOL: &str =
    "another protocol; a service needs `awsJson1_0` or `awsJson1_1` too, else it is an error";

/// Every trait defined in the Smithy prelude and the `aws.api`, `aws.auth` and `aws.protocols`
/// namespaces, in the order of their definition files.
#[rustfmt::skip]
pub const TRAITS: &[TraitSupport] = &[
    // smithy.api (prelude.smithy)
    row("smithy.api#trait", Ignored, META),
    row("smithy.api#deprecated", Implemented, "`#[deprecated]` with the message and `since`"),
    row("smithy.api#box", Ignored, "Smithy 1.0 nullability; members without `@default` are optional anyway"),
    row("smithy.api#documentation", Implemented, "rustdoc, converted from HTML to Markdown"),
    row("smithy.api#externalDocumentation", Ignored, DOCS),
    row("smithy.api#auth", Implemented, "`@auth([])` sends the operation unsigned"),
    row("smithy.api#protocolDefinition", Ignored, META),
    row("smithy.api#authDefinition", Ignored, META),
    row("smithy.api#httpBasicAuth", Warned, "HTTP Basic auth is not implemented (only SigV4)"),
    row("smithy.api#httpDigestAuth", Warned, "HTTP Digest auth is not implemented (only SigV4)"),
    row("smithy.api#httpBearerAuth", Warned, "HTTP Bearer auth is not implemented (only SigV4)"),
    row("smithy.api#httpApiKeyAuth", Warned, "API key auth is not implemented (only SigV4)"),
    row("smithy.api#traitValidators", Ignored, META),
    row("smithy.api#metadata", Ignored, META),
    row("smithy.api#default", Implemented, "non-optional members filled with the default"),
    row("smithy.api#addedDefault", Ignored, "model evolution bookkeeping; the `@default` itself is implemented"),
    row("smithy.api#clientOptional", Implemented, "the member stays `Option`"),
    row("smithy.api#optionalAuth", Implemented, "servers accept unsigned requests"),
    row("smithy.api#examples", Ignored, DOCS),
    row("smithy.api#error", Implemented, "error structures, client or server fault"),
    row("smithy.api#retryable", Implemented, "retried by the standard retry strategy (throttling too)"),
    row("smithy.api#readonly", Ignored, "informational; retries treat every operation alike, as the AWS SDKs do"),
    row("smithy.api#idempotent", Ignored, "informational; retries treat every operation alike, as the AWS SDKs do"),
    row("smithy.api#idempotencyToken", Implemented, "filled with a fresh UUID when absent"),
    row("smithy.api#internal", Ignored, "model filtering; the model given is the one generated"),
    row("smithy.api#jsonName", Ignored, "awsJson protocols ignore `jsonName` (member names are the JSON keys)"),
    row("smithy.api#xmlAttribute", Ignored, XML),
    row("smithy.api#xmlFlattened", Ignored, XML),
    row("smithy.api#xmlName", Ignored, XML),
    row("smithy.api#xmlNamespace", Ignored, XML),
    row("smithy.api#noReplace", Ignored, RESOURCE),
    row("smithy.api#mediaType", Ignored, "describes the content of a string or blob, which stays a string or blob"),
    row("smithy.api#references", Ignored, RESOURCE),
    row("smithy.api#resourceIdentifier", Ignored, RESOURCE),
    row("smithy.api#private", Ignored, "model visibility across namespaces"),
    row("smithy.api#sensitive", Implemented, "`Debug` hides the value"),
    row("smithy.api#since", Ignored, DOCS),
    row("smithy.api#streaming", Warned, "the operation using a streaming blob or event stream is left out of client and server"),
    row("smithy.api#requiresLength", Ignored, "applies to streaming blobs, whose operations are left out (warned)"),
    row("smithy.api#longPoll", Warned, "long polls may need a longer read timeout than the default; set one in the client config"),
    row("smithy.api#tags", Ignored, DOCS),
    row("smithy.api#title", Ignored, DOCS),
    row("smithy.api#enum", Implemented, "Smithy 1.0 enum strings become enums like Smithy 2.0 enum shapes"),
    row("smithy.api#enumValue", Implemented, "the wire value of enum and intEnum variants"),
    row("smithy.api#length", Implemented, "validated by servers"),
    row("smithy.api#range", Implemented, "validated by servers"),
    row("smithy.api#pattern", Implemented, "validated by servers (ECMA-262 regular expressions)"),
    row("smithy.api#required", Implemented, "non-optional members outside inputs (the SDK's nullability); builders fail without them; clients check input members before sending, servers validate them"),
    row("smithy.api#property", Ignored, RESOURCE),
    row("smithy.api#notProperty", Ignored, RESOURCE),
    row("smithy.api#nestedProperties", Ignored, RESOURCE),
    row("smithy.api#recommended", Ignored, DOCS),
    row("smithy.api#sparse", Implemented, "`Option` items in lists and maps"),
    row("smithy.api#uniqueItems", Implemented, "validated by servers"),
    row("smithy.api#unstable", Ignored, DOCS),
    row("smithy.api#paginated", Implemented, "paginators (`into_paginator`, `items`)"),
    row("smithy.api#http", Ignored, HTTP),
    row("smithy.api#httpLabel", Ignored, HTTP),
    row("smithy.api#httpQuery", Ignored, HTTP),
    row("smithy.api#httpQueryParams", Ignored, HTTP),
    row("smithy.api#httpHeader", Ignored, HTTP),
    row("smithy.api#httpPrefixHeaders", Ignored, HTTP),
    row("smithy.api#httpPayload", Ignored, HTTP),
    row("smithy.api#httpError", Implemented, "the status code of the error"),
    row("smithy.api#httpResponseCode", Ignored, HTTP),
    row("smithy.api#cors", Ignored, "browser CORS configuration of REST services"),
    row("smithy.api#eventPayload", Ignored, "event streams only, whose operations are left out (warned)"),
    row("smithy.api#eventHeader", Ignored, "event streams only, whose operations are left out (warned)"),
    row("smithy.api#idRef", Ignored, "model validation of shape references"),
    row("smithy.api#timestampFormat", Implemented, "epoch-seconds, date-time and http-date"),
    row(
        "smithy.api#endpoint",
        Implemented,
        "the host prefix goes in front of the resolved host (see Endpoints)",
    ),
    row(
        "smithy.api#hostLabel",
        Implemented,
        "the member fills its label of the host prefix, checked as a DNS label",
    ),
    row("smithy.api#suppress", Ignored, "silences model validators"),
    row("smithy.api#httpChecksumRequired", Warned, "no `Content-MD5` checksum is sent"),
    row("smithy.api#input", Ignored, "marks operation input structures; Ingot makes its own input type per operation"),
    row("smithy.api#output", Ignored, "marks operation output structures; Ingot makes its own output type per operation"),
    row("smithy.api#unitType", Implemented, "`Unit`: no input, no output, or a union variant without value"),
    row("smithy.api#mixin", Implemented, "mixins are flattened into the shapes that use them"),
    row("smithy.api#requestCompression", Implemented, "clients gzip request bodies over the threshold; servers accept gzip"),
    // aws.api
    row("aws.api#arn", Ignored, DOCS),
    row("aws.api#arnReference", Ignored, DOCS),
    row("aws.api#awsChunked", Ignored, "applies to streaming blobs, whose operations are left out (warned)"),
    row("aws.api#clientDiscoveredEndpoint", Implemented, "the operation goes to an endpoint the discovery operation names (see Endpoints)"),
    row("aws.api#clientEndpointDiscovery", Implemented, "the discovery operation is called, its endpoints cached for their TTL; the error evicts (see Endpoints)"),
    row("aws.api#clientEndpointDiscoveryId", Implemented, "the member is a discovery identifier: sent to the discovery operation, keys the cache"),
    row("aws.api#controlPlane", Ignored, DOCS),
    row("aws.api#data", Ignored, "data classification; documentation only"),
    row("aws.api#dataPlane", Ignored, DOCS),
    row("aws.api#service", Implemented, "crate names (`sdkId`, checked), endpoint prefix, `AWS_ENDPOINT_URL_*`"),
    row("aws.api#tagEnabled", Ignored, DOCS),
    row("aws.api#taggable", Ignored, DOCS),
    // aws.auth
    row("aws.auth#cognitoUserPools", Warned, "Cognito user pool auth is not implemented (only SigV4)"),
    row("aws.auth#cognitoUserPoolsScopes", Warned, "Cognito user pool auth is not implemented (only SigV4)"),
    row("aws.auth#sigv4", Implemented, "clients sign with SigV4; servers verify"),
    row("aws.auth#sigv4a", Warned, "SigV4a is not implemented; requests are signed with SigV4"),
    row("aws.auth#unsignedPayload", Warned, "the payload is always signed"),
    // aws.protocols
    row("aws.protocols#awsJson1_0", Implemented, "the protocol"),
    row("aws.protocols#awsJson1_1", Implemented, "the protocol"),
    row("aws.protocols#awsQuery", Validated, OTHER_PROTOCOL),
    row("aws.protocols#awsQueryError", Implemented, "the code sent in `x-amzn-query-error`"),
    row("aws.protocols#awsQueryCompatible", Implemented, "`x-amzn-query-error` read by clients, sent by servers"),
    row("aws.protocols#ec2Query", Validated, OTHER_PROTOCOL),
    row("aws.protocols#ec2QueryName", Ignored, "ec2Query protocol only"),
    row("aws.protocols#httpChecksum", Warned, "request and response checksums are neither sent nor checked"),
    row("aws.protocols#restJson1", Validated, OTHER_PROTOCOL),
    row("aws.protocols#restXml", Validated, OTHER_PROTOCOL),
];

/// `aws.*` namespaces whose traits are documentation for other AWS tools; their traits are not in
/// the table and are ignored without a warning.
pub const IGNORED_NAMESPACES: &[(&str, &str)] = &[
    ("aws.iam", "IAM policy documentation"),
    ("aws.cloudformation", "CloudFormation resource mapping"),
    ("aws.apigateway", "API Gateway integration"),
];

/// The row of trait `id`, if it is in the table.
pub fn lookup(id: &str) -> Option<&'static TraitSupport> {
    TRAITS.iter().find(|t| t.id == id)
}

/// True for the namespaces the table covers: `smithy.api` and `aws.*`.
fn covered(id: &str) -> bool {
    id.starts_with("smithy.api#") || id.starts_with("aws.")
}

/// Warnings for every use of a trait Ingot does not implement (or does not know) in the prelude
/// or an `aws.*` namespace, on the shapes and members the generated code covers.
pub fn unsupported_traits(index: &ShapeIndex<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for id in &index.closure {
        if index.skipped.contains(id) {
            continue; // the operation is left out, with its own warning
        }
        let shape = index.shape(id);
        for t in warned(&shape.traits) {
            out.push(index.model.shape_diagnostic(id.as_str(), t).warning());
        }
        for m in shape.kind.members() {
            for t in warned(&m.traits) {
                out.push(
                    index
                        .model
                        .member_diagnostic(id.as_str(), &m.name, t)
                        .warning(),
                );
            }
        }
    }
    out
}

/// The warning messages for the traits of one shape or member.
fn warned(traits: &Traits) -> Vec<String> {
    let mut out = Vec::new();
    for id in traits.raw.keys().filter(|id| covered(id)) {
        let namespace = id.split_once('#').map_or(id.as_str(), |(ns, _)| ns);
        if IGNORED_NAMESPACES.iter().any(|(ns, _)| *ns == namespace) {
            continue;
        }
        match lookup(id) {
            Some(row) if row.support == Support::Warned => out.push(format!(
                "trait `{id}` is not supported, the generated code ignores it: {}",
                row.note
            )),
            Some(_) => {}
            None => out.push(format!(
                "trait `{id}` is unknown to Ingot, the generated code ignores it"
            )),
        }
    }
    out
}

/// The README's trait table, rendered from [`TRAITS`].
pub fn markdown_table() -> String {
    let mut out =
        String::from("| trait | Ingot | what it does, or why not |\n| --- | --- | --- |\n");
    for t in TRAITS {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            t.id,
            t.support.label(),
            t.note
        ));
    }
    out
}
