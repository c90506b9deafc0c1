//! The intermediate representation: every decision made, nothing left to look up.
//!
//! Lowering ([`lower`]) resolves targets, applies Smithy optionality, synthesizes one input and one
//! output type per operation, boxes recursive members and names everything. Emitters read only
//! these types.

mod discovery;
mod endpoint;
mod lower;
pub mod naming;
pub mod protocol_tests;
mod wire_traits;

pub use discovery::{DiscoveryIr, OperationDiscovery};
pub use lower::lower;
pub use naming::RustIdent;

pub use crate::model::traits::{Deprecated, ErrorFault, Length, Protocol, Range, TimestampFormat};

/// One service, ready to emit.
#[derive(Clone, Debug)]
pub struct ServiceIr {
    /// The model file as the user named it (for file headers).
    pub model_file: String,
    /// The service shape's name: the `X-Amz-Target` prefix.
    pub name: String,
    /// The service shape's namespace.
    pub namespace: String,
    /// `aws.api#service` sdkId, else the shape name.
    pub sdk_id: String,
    /// Crate name stem, e.g. `cognitoidentityprovider` (from the sdkId, or the `crateName` setting).
    pub crate_base: String,
    /// `AWS_ENDPOINT_URL_<env_name>`.
    pub env_name: String,
    pub version: Option<String>,
    pub protocol: Protocol,
    /// `aws.auth#sigv4` name, when the service signs with SigV4.
    pub signing_name: Option<String>,
    /// Host prefix of the default endpoint.
    pub endpoint_prefix: String,
    pub docs: Option<String>,
    /// How servers report constraint violations.
    pub validation: Validation,
    /// `@awsQueryCompatible`: clients send `x-amzn-query-mode: true` and read the
    /// `x-amzn-query-error` header; servers send it with every modeled error.
    pub query_compatible: bool,
    /// Sorted by name.
    pub operations: Vec<OperationIr>,
    /// Sorted by module, then name.
    pub types: Vec<TypeDef>,
    /// How clients find the service's endpoint.
    pub endpoint: EndpointIr,
    /// `aws.api#clientEndpointDiscovery`, when usable.
    pub discovery: Option<DiscoveryIr>,
    /// What the generator could not honour but generated anyway (e.g. an
    /// `operationContextParams` path outside the supported subset); printed, never fatal.
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// The service's endpoint rules (`smithy.rules#*` traits), as clients use them.
#[derive(Clone, Debug, Default)]
pub struct EndpointIr {
    /// `smithy.rules#endpointRuleSet` as compact JSON, embedded in the client and interpreted
    /// by the runtime; `None`: the runtime's standard regional pattern.
    pub rule_set: Option<String>,
    /// `smithy.rules#endpointTests` as pretty JSON, when it has cases: written next to the
    /// client's generated endpoint test.
    pub tests: Option<String>,
    /// The operations those cases call, by wire name, sorted.
    pub tested_operations: Vec<String>,
    /// `@clientContextParams`: typed configuration setters, sorted by name.
    pub client_params: Vec<ClientParam>,
}

/// One `@clientContextParams` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientParam {
    /// The rule-set parameter name.
    pub name: String,
    /// The configuration setter, e.g. `disable_s3_express`.
    pub setter: RustIdent,
    pub kind: ParamKind,
    pub docs: Option<String>,
}

/// The value types of rule-set parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    String,
    Bool,
    StringArray,
}

/// What one operation adds to the endpoint parameters, and its host prefix.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OperationEndpoint {
    /// `@staticContextParams`, in model order.
    pub static_params: Vec<(String, StaticValue)>,
    /// `@contextParam` members and `smithy.rules#operationContextParams`, by parameter name.
    pub context_params: Vec<ContextParam>,
    /// `@endpoint(hostPrefix)`.
    pub host_prefix: Option<HostPrefix>,
}

/// A `@staticContextParams` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaticValue {
    String(String),
    Bool(bool),
    StringArray(Vec<String>),
}

/// A rule-set parameter read from the operation input.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextParam {
    pub name: String,
    pub source: ContextSource,
}

/// Where in the input a context parameter's value is.
#[derive(Clone, Debug, PartialEq)]
pub enum ContextSource {
    /// The member at the end of a path (`@contextParam`, or `A.B`): a string, boolean or list
    /// of strings.
    Path {
        steps: Vec<PathStep>,
        kind: ParamKind,
    },
    /// `keys(A.B)`: the keys of a map with string keys, sorted.
    Keys { steps: Vec<PathStep> },
    /// `A[*].B.C` or `A[*].[B.C, D.E][]`: the strings found at each path in each element of a
    /// list of structures (in list order, then path order); `each` is empty for a list of
    /// strings (`A[*]`).
    Projection {
        list: Vec<PathStep>,
        each: Vec<Vec<PathStep>>,
    },
}

/// `@endpoint(hostPrefix)` with its `@hostLabel` members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPrefix {
    pub template: String,
    /// `{Label}` name and the input member holding its value (a string).
    pub labels: Vec<(String, PathStep)>,
}

/// How a generated server answers constraint violations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validation {
    /// `smithy.framework#ValidationException` with a field list (the Smithy default).
    Smithy,
    /// A modeled error of the service (e.g. Cognito's `InvalidParameterException`) with AWS's
    /// own "N validation errors detected" message, as the real service answers.
    ModeledError(String),
}

/// Generator settings that are not in the model.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The error shape servers answer constraint violations with; `None` for Smithy's
    /// `ValidationException`.
    pub validation_error: Option<String>,
    /// The service to generate (shape id or name) when the model defines several.
    pub service: Option<String>,
    /// The crates' name stem (`<stem>-types`, `-client`, `-server`) instead of the one derived
    /// from the sdkId.
    pub crate_name: Option<String>,
}

/// The module a generated type lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Module {
    /// Structures, unions and enums used as data.
    Types,
    /// Error structures (`types::error`, declared by the `types` module).
    Error,
    /// One `<Operation>Input` per operation.
    Input,
    /// One `<Operation>Output` per operation.
    Output,
}

impl Module {
    /// Every module, in output order.
    pub const ALL: [Module; 4] = [Module::Types, Module::Error, Module::Input, Module::Output];

    /// The file holding the module.
    pub fn file(self) -> &'static str {
        match self {
            Module::Types => "src/types.rs",
            Module::Error => "src/types/error.rs",
            Module::Input => "src/input.rs",
            Module::Output => "src/output.rs",
        }
    }

    /// The path from the types crate's root, as the SDK lays it out: errors in `types::error`.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Module::Types => &["types"],
            Module::Error => &["types", "error"],
            Module::Input => &["input"],
            Module::Output => &["output"],
        }
    }

    /// The Rust module name.
    pub fn name(self) -> &'static str {
        match self {
            Module::Types => "types",
            Module::Error => "error",
            Module::Input => "input",
            Module::Output => "output",
        }
    }
}

/// Where a generated type lives: `crate::<module path>::<name>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypePath {
    pub module: Module,
    pub name: RustIdent,
}

/// One operation.
#[derive(Clone, Debug)]
pub struct OperationIr {
    /// The operation shape's name: the `X-Amz-Target` suffix.
    pub name: String,
    /// Method and module name, e.g. `stop_user_import_job`.
    pub fn_name: RustIdent,
    /// The stem of the operation's own types (`<stem>Error`, `<stem>FluentBuilder`,
    /// `<stem>Paginator`): the shape name as written when it is a Rust type name, as the AWS
    /// SDK names them (`AdminSetUserMFAPreferenceError`, while the input is
    /// `AdminSetUserMfaPreferenceInput`).
    pub type_stem: String,
    pub input: TypePath,
    pub output: TypePath,
    /// False when the model's output is `Unit`: servers then answer with an empty body.
    pub output_modeled: bool,
    /// Operation errors plus service errors, sorted by wire name.
    pub errors: Vec<TypePath>,
    pub docs: Option<String>,
    pub deprecated: Option<Deprecated>,
    pub paginated: Option<Pagination>,
    /// Sent without SigV4: `@auth([])` on the operation, or a service that does not sign.
    pub unsigned: bool,
    /// `@optionalAuth`: servers accept unsigned requests (and still verify signed ones).
    pub optional_auth: bool,
    /// `@requestCompression` names `gzip`: clients may gzip the request body.
    pub gzip_request: bool,
    /// Endpoint parameters and host prefix of the operation.
    pub endpoint: OperationEndpoint,
    /// `aws.api#clientDiscoveredEndpoint`, when the service can discover endpoints.
    pub discovery: Option<OperationDiscovery>,
}

/// `@paginated`, merged with the service's, with its member paths resolved against the
/// operation's input and output types.
#[derive(Clone, Debug, PartialEq)]
pub struct Pagination {
    /// The input member that carries the token.
    pub input_token: PathStep,
    /// The token's type (a string, or a key map for DynamoDB).
    pub token: Ty,
    /// From the output to the next token (a string).
    pub output_token: Vec<PathStep>,
    /// From the output to the page's items, and the item type, when `items` names a list.
    pub items: Option<(Vec<PathStep>, Ty)>,
    /// The input member that sets the page size.
    pub page_size: Option<(PathStep, Ty)>,
}

/// One member on a pagination path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathStep {
    pub field: RustIdent,
    pub optional: bool,
    pub boxed: bool,
}

/// One generated type.
#[derive(Clone, Debug)]
pub struct TypeDef {
    pub shape_id: String,
    pub path: TypePath,
    /// The shape's own name: the error code for errors.
    pub wire_name: String,
    pub docs: Option<String>,
    /// `@sensitive` on the shape: Debug shows nothing of the value.
    pub sensitive: bool,
    pub deprecated: Option<Deprecated>,
    pub kind: TypeKind,
}

/// What kind of type.
#[derive(Clone, Debug)]
pub enum TypeKind {
    Structure(StructureIr),
    Union(Vec<MemberIr>),
    Enum(Vec<EnumVariant<String>>),
    IntEnum(Vec<EnumVariant<i32>>),
}

/// A structure (data, error, operation input or output).
#[derive(Clone, Debug)]
pub struct StructureIr {
    pub members: Vec<MemberIr>,
    /// `build()` returns a `Result`: a required member has no default, or it is an operation input.
    pub fallible_build: bool,
    pub error: Option<ErrorInfo>,
}

/// What makes a structure an error.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub fault: ErrorFault,
    /// `@httpError`, else 400 for client and 500 for server errors.
    pub status: u16,
    /// `is_<snake name>`: the check operation error enums offer for this variant, as the SDK's.
    pub is_method: RustIdent,
    /// `@retryable`: `Some(throttling)`.
    pub retryable: Option<bool>,
    /// Query-compatible services only: the `x-amzn-query-error` header servers answer with,
    /// `<code>;<fault>` (code from `@awsQueryError`, else the shape name; fault `Sender` for
    /// client errors, `Receiver` for server errors).
    pub query_error: Option<String>,
    /// The member holding the message (`message` or `Message`), if any.
    pub message_field: Option<RustIdent>,
}

/// A structure member or union variant.
#[derive(Clone, Debug)]
pub struct MemberIr {
    /// The model's member name; the JSON key on the wire.
    pub wire_name: String,
    /// Field name (structures) or variant name (unions).
    pub rust_name: RustIdent,
    /// The snake-case name: the field itself, or a union's `as_<name>` accessor.
    pub snake_name: RustIdent,
    pub ty: Ty,
    /// The field is `Option<..>`: every member of an operation input; otherwise a member that
    /// is neither `@required` nor `@default`, is `@clientOptional`, or is a required structure
    /// or union (smithy-rs client nullability).
    pub optional: bool,
    /// The value is boxed because the shape recurses through this member.
    pub boxed: bool,
    pub required: bool,
    pub default: Option<DefaultValue>,
    /// Debug must not show the value.
    pub sensitive: bool,
    pub idempotency_token: bool,
    pub docs: Option<String>,
    pub deprecated: Option<Deprecated>,
}

/// A value type with the constraints of the shape it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Ty {
    pub kind: TyKind,
    pub constraints: Constraints,
}

/// The kinds of values.
#[derive(Clone, Debug, PartialEq)]
pub enum TyKind {
    Blob,
    Boolean,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    String,
    Timestamp(TimestampFormat),
    Document,
    Named(TypePath, NamedKind),
    List {
        member: Box<Ty>,
        sparse: bool,
    },
    Map {
        key: Box<Ty>,
        value: Box<Ty>,
        sparse: bool,
    },
    /// A union variant without a value (targets `smithy.api#Unit`).
    Unit,
}

/// What a named type is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedKind {
    Structure,
    Union,
    Enum,
    IntEnum,
}

/// Constraint traits in force for a value (member traits win over the target's).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Constraints {
    pub length: Option<Length>,
    pub pattern: Option<String>,
    pub range: Option<Range>,
    pub unique_items: bool,
}

/// A `@default` value, checked against the member's type.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    /// Decoded bytes of a base64 blob default.
    Blob(Vec<u8>),
    /// Epoch seconds.
    Timestamp(f64),
    EmptyList,
    EmptyMap,
    /// The JSON text of a document default.
    Document(String),
}

/// An enum member (`V` = `String`) or intEnum member (`V` = `i32`).
#[derive(Clone, Debug)]
pub struct EnumVariant<V> {
    pub rust_name: RustIdent,
    pub value: V,
    pub docs: Option<String>,
    pub deprecated: Option<Deprecated>,
}

impl ServiceIr {
    /// The type at `path`.
    pub fn type_def(&self, path: &TypePath) -> Option<&TypeDef> {
        self.types.iter().find(|t| &t.path == path)
    }
}
