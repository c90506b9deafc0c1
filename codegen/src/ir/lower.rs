//! Model -> IR: every decision about names, optionality, boxing and defaults is made here.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine as _;
use serde_json::Value;

use super::discovery;
use super::endpoint::{self, Report};
use super::naming::{self, RustIdent};
use super::wire_traits;
use super::{
    Constraints, DefaultValue, EnumVariant, ErrorInfo, MemberIr, Module, NamedKind,
    OperationEndpoint, OperationIr, Pagination, PathStep, ServiceIr, Settings, StructureIr, Ty,
    TyKind, TypeDef, TypeKind, TypePath, Validation,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::docs::html_to_markdown;
use crate::index::ShapeIndex;
use crate::model::traits::{EnumValue, ErrorFault, Paginated, TimestampFormat};
use crate::model::{Member, Shape, ShapeId, ShapeKind, Traits};

/// Lowers a validated model to the IR of its service.
pub fn lower(index: &ShapeIndex<'_>, settings: &Settings) -> Result<ServiceIr, Diagnostics> {
    let mut cx = Lowering::new(index);
    let mut service = cx.service(settings);
    service.validation = cx.validation(settings);
    cx.diags.into_result(service)
}

struct Lowering<'a, 'm> {
    index: &'a ShapeIndex<'m>,
    file: &'m str,
    diags: Diagnostics,
    /// Reported, but generation goes on.
    warnings: Vec<Diagnostic>,
    /// Named data and error types by shape id.
    paths: BTreeMap<ShapeId, TypePath>,
    /// Struct/union shapes each struct/union reaches through direct member edges.
    reach: BTreeMap<ShapeId, BTreeSet<ShapeId>>,
    /// The service is `@awsQueryCompatible` (decided before any error is lowered).
    query_compatible: bool,
}

impl<'a, 'm> Lowering<'a, 'm> {
    fn new(index: &'a ShapeIndex<'m>) -> Self {
        let mut cx = Lowering {
            index,
            file: &index.model.file,
            diags: Diagnostics::default(),
            warnings: Vec::new(),
            paths: BTreeMap::new(),
            reach: BTreeMap::new(),
            query_compatible: false,
        };
        cx.query_compatible =
            wire_traits::query_compatible(cx.file, index.service, index.protocol, &mut cx.diags);
        cx.assign_paths();
        cx.compute_reach();
        cx
    }

    /// Data types are the structures, unions and enums some member targets; errors are the error
    /// structures. Operation inputs and outputs become synthetic types of their own.
    fn assign_paths(&mut self) {
        let mut data = BTreeSet::new();
        let mut errors = BTreeSet::new();
        for id in &self.index.closure {
            let shape = self.index.shape(id);
            if shape.traits.error.is_some() && matches!(shape.kind, ShapeKind::Structure(_)) {
                errors.insert(id.clone());
            }
            if matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)) {
                continue; // enum members target Unit
            }
            for m in shape.kind.members() {
                let t = self.index.shape(&m.target);
                let named = matches!(
                    t.kind,
                    ShapeKind::Structure(_)
                        | ShapeKind::Union(_)
                        | ShapeKind::Enum(_)
                        | ShapeKind::IntEnum(_)
                );
                if named && !is_unit(&m.target) && t.traits.error.is_none() {
                    data.insert(m.target.clone());
                }
            }
        }
        for (module, ids) in [(Module::Types, data), (Module::Error, errors)] {
            let ids: Vec<ShapeId> = ids.into_iter().collect();
            let names = ids
                .iter()
                .map(|id| naming::type_name(self.index.local_name(id)))
                .collect();
            for (id, name) in ids.into_iter().zip(naming::dedupe(names, true)) {
                self.paths.insert(id, TypePath { module, name });
            }
        }
    }

    fn compute_reach(&mut self) {
        let direct = |id: &ShapeId| -> Vec<ShapeId> {
            let shape = self.index.shape(id);
            match &shape.kind {
                ShapeKind::Structure(ms) | ShapeKind::Union(ms) => ms
                    .iter()
                    .filter(|m| {
                        matches!(
                            self.index.shape(&m.target).kind,
                            ShapeKind::Structure(_) | ShapeKind::Union(_)
                        )
                    })
                    .map(|m| m.target.clone())
                    .collect(),
                _ => Vec::new(),
            }
        };
        let nodes: Vec<ShapeId> = self.paths.keys().cloned().collect();
        for start in nodes {
            let mut seen = BTreeSet::new();
            let mut stack = direct(&start);
            while let Some(n) = stack.pop() {
                if seen.insert(n.clone()) {
                    stack.extend(direct(&n));
                }
            }
            self.reach.insert(start, seen);
        }
    }

    /// A member from `owner` to `target` is boxed when `target` leads back to `owner`.
    fn recursive_edge(&self, owner: &ShapeId, target: &ShapeId) -> bool {
        self.reach.get(target).is_some_and(|r| r.contains(owner))
            && self.reach.get(owner).is_some_and(|r| r.contains(target))
    }

    fn service(&mut self, settings: &Settings) -> ServiceIr {
        let svc = self.index.service;
        let aws = svc.traits.aws_service.as_ref();
        let sdk_id = aws.map_or_else(|| svc.id.name().to_owned(), |a| a.sdk_id.clone());
        let derived = naming::crate_base(&sdk_id);
        let endpoint_prefix = aws
            .and_then(|a| a.endpoint_prefix.clone())
            .unwrap_or_else(|| derived.clone());
        let crate_base = settings.crate_name.clone().unwrap_or(derived);
        if settings.crate_name.is_some() && !naming::usable_crate_base(&crate_base) {
            self.diags.push(Diagnostic::in_file(
                self.file,
                format!("the settings' `crateName` `{crate_base}` cannot name crates: it gives `{crate_base}-types`, and a crate name needs an ASCII lower-case letter first, then ASCII lower-case letters, digits and single `-`"),
            ));
        } else if !naming::usable_crate_base(&crate_base) {
            let source = if aws.is_some() {
                "the `sdkId` of `aws.api#service`"
            } else {
                "the service name (the service has no `aws.api#service` trait)"
            };
            self.diags.push(
                self.index
                    .model
                    .shape_diagnostic(
                        svc.id.as_str(),
                        format!("`{sdk_id}`, {source}, cannot name crates: it gives `{crate_base}-types`, and a crate name needs an ASCII letter first, then ASCII letters, digits and `-`"),
                    )
                    .help("set `sdkId` in the service's `aws.api#service` trait to ASCII words, e.g. \"Cognito Identity Provider\", or name the crates with the `crateName` setting"),
            );
        }
        let mut types = Vec::new();
        let paths: Vec<(ShapeId, TypePath)> = self
            .paths
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (id, path) in paths {
            if let Some(def) = self.type_def(&id, path) {
                types.push(def);
            }
        }
        let mut operations = Vec::new();
        let op_ids: Vec<ShapeId> = self.index.operations.iter().cloned().collect();
        for id in op_ids {
            let (mut op, input, output) = self.operation(&id);
            op.paginated = self.pagination(self.index.shape(&id), &input, &output, &types);
            let op_shape = self.index.shape(&id);
            if let ShapeKind::Operation(o) = &op_shape.kind {
                let mut report = Report {
                    file: self.file,
                    errors: &mut self.diags,
                    warnings: &mut self.warnings,
                };
                op.endpoint = endpoint::operation(
                    op_shape,
                    self.index.shape(&o.input),
                    &input,
                    &types,
                    &mut report,
                );
                op.discovery = discovery::operation(
                    op_shape,
                    self.index.shape(&o.input),
                    &input,
                    &types,
                    &mut report,
                );
            }
            types.push(input);
            types.push(output);
            operations.push(op);
        }
        operations.sort_by(|a, b| a.name.cmp(&b.name));
        let op_names: Vec<String> = operations.iter().map(|o| o.name.clone()).collect();
        let endpoint = endpoint::service(
            svc,
            &op_names,
            &mut Report {
                file: self.file,
                errors: &mut self.diags,
                warnings: &mut self.warnings,
            },
        );
        let discovery = discovery::service(
            svc,
            &mut operations,
            &types,
            &mut Report {
                file: self.file,
                errors: &mut self.diags,
                warnings: &mut self.warnings,
            },
        );
        types.sort_by(|a, b| a.path.cmp(&b.path));
        for w in types.windows(2) {
            if w[0].path == w[1].path {
                self.diags.push(
                    self.index.model.shape_diagnostic(
                        &w[1].shape_id,
                        format!(
                            "generated type name `{}` collides with `{}`",
                            w[1].path.name, w[0].shape_id
                        ),
                    )
                    .help("rename one of the operations or shapes with the service's `rename` map"),
                );
            }
        }
        ServiceIr {
            model_file: self.file.to_owned(),
            name: svc.id.name().to_owned(),
            namespace: svc.id.namespace().to_owned(),
            crate_base,
            env_name: naming::env_name(&sdk_id),
            sdk_id,
            version: match &svc.kind {
                ShapeKind::Service(s) => s.version.clone(),
                _ => None,
            },
            protocol: self.index.protocol,
            signing_name: svc.traits.sigv4_name.clone(),
            endpoint_prefix,
            docs: docs(&svc.traits),
            validation: Validation::Smithy,
            query_compatible: self.query_compatible,
            operations,
            types,
            endpoint,
            discovery,
            warnings: std::mem::take(&mut self.warnings),
        }
    }

    /// The configured validation error must be one of the service's error shapes.
    fn validation(&mut self, settings: &Settings) -> Validation {
        let Some(name) = &settings.validation_error else {
            return Validation::Smithy;
        };
        let known = self
            .paths
            .iter()
            .any(|(id, p)| p.module == Module::Error && id.name() == name);
        if !known {
            self.diags.push(
                Diagnostic::in_file(self.file, format!("the settings name `{name}` as the validation error, but the service has no such error shape"))
                    .help("use the name of one of the service's error structures, or remove `validationError`"),
            );
        }
        Validation::ModeledError(name.clone())
    }

    fn type_def(&mut self, id: &ShapeId, path: TypePath) -> Option<TypeDef> {
        let shape = self.index.shape(id);
        let kind = match &shape.kind {
            ShapeKind::Structure(members) => {
                let members = self.members(shape, members, false);
                let error = shape
                    .traits
                    .error
                    .map(|fault| self.error_info(shape, fault, &members));
                TypeKind::Structure(StructureIr {
                    fallible_build: members.iter().any(|m| !m.optional && m.default.is_none()),
                    members,
                    error,
                })
            }
            ShapeKind::Union(members) => TypeKind::Union(self.members(shape, members, true)),
            ShapeKind::Enum(members) => TypeKind::Enum(self.enum_variants(
                shape,
                members,
                string_enum_value,
                "an enum member's `enumValue` must be a string",
            )),
            ShapeKind::IntEnum(members) => TypeKind::IntEnum(self.enum_variants(
                shape,
                members,
                int_enum_value,
                "an intEnum member needs an integer `enumValue`",
            )),
            other => unreachable!("only named kinds get paths, not {}", other.type_name()),
        };
        Some(TypeDef {
            shape_id: id.to_string(),
            path,
            wire_name: id.name().to_owned(),
            docs: docs(&shape.traits),
            sensitive: shape.traits.sensitive,
            deprecated: shape.traits.deprecated.clone(),
            kind,
        })
    }

    fn error_info(&mut self, shape: &Shape, fault: ErrorFault, members: &[MemberIr]) -> ErrorInfo {
        let status = shape.traits.http_error.unwrap_or(match fault {
            ErrorFault::Client => 400,
            ErrorFault::Server => 500,
        });
        ErrorInfo {
            fault,
            status,
            is_method: naming::field_name(&format!("Is{}", shape.id.name())),
            retryable: shape.traits.retryable,
            query_error: self.query_compatible.then(|| {
                let code = wire_traits::query_error_code(self.file, shape, &mut self.diags)
                    .unwrap_or_else(|| shape.id.name().to_owned());
                let fault = match fault {
                    ErrorFault::Client => "Sender",
                    ErrorFault::Server => "Receiver",
                };
                format!("{code};{fault}")
            }),
            message_field: members
                .iter()
                .find(|m| {
                    m.wire_name.eq_ignore_ascii_case("message")
                        && matches!(m.ty.kind, TyKind::String)
                })
                .map(|m| m.rust_name.clone()),
        }
    }

    fn operation(&mut self, id: &ShapeId) -> (OperationIr, TypeDef, TypeDef) {
        let shape = self.index.shape(id);
        let ShapeKind::Operation(op) = &shape.kind else {
            unreachable!("index operations are operation shapes")
        };
        let name = id.name().to_owned();
        let type_base = naming::type_name(&name).name;
        let io = |module: Module, suffix: &str| TypePath {
            module,
            name: RustIdent {
                name: format!("{type_base}{suffix}"),
                raw: false,
            },
        };
        let input_path = io(Module::Input, "Input");
        let output_path = io(Module::Output, "Output");
        let input = self.synthetic(&op.input, input_path.clone(), true);
        let output = self.synthetic(&op.output, output_path.clone(), false);
        let service_errors = match &self.index.service.kind {
            ShapeKind::Service(s) => s.errors.clone(),
            _ => Vec::new(),
        };
        let mut errors: Vec<(String, TypePath)> = op
            .errors
            .iter()
            .chain(service_errors.iter())
            .filter_map(|e| self.paths.get(e).map(|p| (e.name().to_owned(), p.clone())))
            .collect();
        errors.sort();
        errors.dedup();
        let ir = OperationIr {
            fn_name: naming::fn_name(&name),
            type_stem: naming::operation_type_stem(&name, &type_base),
            name,
            input: input_path,
            output: output_path,
            output_modeled: !is_unit(&op.output),
            errors: errors.into_iter().map(|(_, p)| p).collect(),
            docs: docs(&shape.traits),
            deprecated: shape.traits.deprecated.clone(),
            paginated: None,
            optional_auth: shape.traits.raw.contains_key("smithy.api#optionalAuth"),
            gzip_request: wire_traits::request_compression(self.file, shape, &mut self.diags),
            endpoint: OperationEndpoint::default(),
            discovery: None,
            unsigned: self.index.service.traits.sigv4_name.is_none()
                || shape
                    .traits
                    .raw
                    .get("smithy.api#auth")
                    .is_some_and(|a| a.as_array().is_some_and(Vec::is_empty)),
        };
        (ir, input, output)
    }

    /// The `<Op>Input` / `<Op>Output` copy of an operation's input or output structure.
    fn synthetic(&mut self, id: &ShapeId, path: TypePath, input: bool) -> TypeDef {
        let shape = self.index.shape(id);
        let mut members = match &shape.kind {
            ShapeKind::Structure(ms) => self.members(shape, ms, false),
            _ => Vec::new(),
        };
        if input {
            // Every member of an operation input is optional (smithy-rs client rules): the
            // builder never fails on a missing one and a top-level default the caller did not
            // set stays off the wire (the service applies its own default), while nested
            // structures carry theirs (Smithy's default-value tests).
            for m in &mut members {
                m.optional = true;
            }
        }
        TypeDef {
            shape_id: id.to_string(),
            wire_name: id.name().to_owned(),
            docs: if is_unit(id) {
                None
            } else {
                docs(&shape.traits)
            },
            sensitive: shape.traits.sensitive,
            deprecated: shape.traits.deprecated.clone(),
            path,
            kind: TypeKind::Structure(StructureIr {
                // Inputs always build fallibly (as the SDK's) so adding a member that can fail
                // later is not a breaking change.
                fallible_build: input || members.iter().any(|m| !m.optional && m.default.is_none()),
                members,
                error: None,
            }),
        }
    }

    fn pagination(
        &mut self,
        op: &Shape,
        input: &TypeDef,
        output: &TypeDef,
        types: &[TypeDef],
    ) -> Option<Pagination> {
        let own = op.traits.paginated.as_ref()?;
        let inherited = self
            .index
            .service
            .traits
            .paginated
            .clone()
            .unwrap_or_default();
        let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
        let merged = Paginated {
            input_token: pick(&own.input_token, &inherited.input_token),
            output_token: pick(&own.output_token, &inherited.output_token),
            items: pick(&own.items, &inherited.items),
            page_size: pick(&own.page_size, &inherited.page_size),
        };
        let (Some(input_token), Some(output_token)) = (merged.input_token, merged.output_token)
        else {
            self.diags.push(self.index.model.shape_diagnostic(
                op.id.as_str(),
                "`@paginated` needs an `inputToken` and an `outputToken` (on the operation or the service)",
            ));
            return None;
        };
        let mut fail = |what: &str, path: &str| {
            self.diags.push(
                self.index.model.shape_diagnostic(op.id.as_str(), format!("`@paginated` {what} `{path}` does not name a member of the right type"))
                    .help("tokens are strings (or maps), the output token of the input token's type, items a list or map, pageSize a number; paths are dot-separated member names"),
            );
        };
        // Tokens are opaque: strings for most services, key maps for DynamoDB.
        let string = |t: &Ty| {
            matches!(
                t.kind,
                TyKind::String | TyKind::Map { .. } | TyKind::List { .. }
            )
        };
        let Some((token_in, token_ty)) =
            resolve_path(input, &input_token, types).filter(|(p, t)| p.len() == 1 && string(t))
        else {
            fail("inputToken", &input_token);
            return None;
        };
        let Some((token_out, _)) =
            resolve_path(output, &output_token, types).filter(|(_, t)| t.kind == token_ty.kind)
        else {
            fail("outputToken", &output_token);
            return None;
        };
        let items = match &merged.items {
            None => None,
            Some(path) => match resolve_path(output, path, types) {
                Some((
                    steps,
                    Ty {
                        kind:
                            TyKind::List {
                                member,
                                sparse: false,
                            },
                        ..
                    },
                )) => Some((steps, *member)),
                // Maps and sparse lists paginate too; their pages are still there, only `items()` is not.
                Some((
                    _,
                    Ty {
                        kind: TyKind::Map { .. } | TyKind::List { .. },
                        ..
                    },
                )) => None,
                _ => {
                    fail("items", path);
                    None
                }
            },
        };
        let page_size = match &merged.page_size {
            None => None,
            Some(path) => match resolve_path(input, path, types) {
                Some((steps, ty))
                    if steps.len() == 1
                        && matches!(
                            ty.kind,
                            TyKind::Integer | TyKind::Long | TyKind::Short | TyKind::Byte
                        ) =>
                {
                    steps.into_iter().next().map(|s| (s, ty))
                }
                _ => {
                    fail("pageSize", path);
                    None
                }
            },
        };
        Some(Pagination {
            input_token: token_in.into_iter().next()?,
            token: token_ty,
            output_token: token_out,
            items,
            page_size,
        })
    }

    fn members(&mut self, owner: &Shape, members: &[Member], union: bool) -> Vec<MemberIr> {
        let names = members
            .iter()
            .map(|m| {
                if union {
                    naming::variant_name(&m.name)
                } else {
                    naming::field_name(&m.name)
                }
            })
            .collect();
        let names = naming::dedupe(names, union);
        members
            .iter()
            .zip(names)
            .filter_map(|(m, rust_name)| self.member(owner, m, rust_name, union))
            .collect()
    }

    fn member(
        &mut self,
        owner: &Shape,
        m: &Member,
        rust_name: RustIdent,
        union: bool,
    ) -> Option<MemberIr> {
        let target = self.index.shape(&m.target);
        let ty = if union && is_unit(&m.target) {
            None
        } else {
            Some(self.ty(owner, m, &m.target, &m.traits)?)
        };
        let default_json = m
            .traits
            .default
            .as_ref()
            .or(target.traits.default.as_ref())
            .filter(|v| !v.is_null());
        let default = match (default_json, &ty) {
            (Some(v), Some(ty)) if !union => self.default_value(owner, m, v, ty),
            _ => None,
        };
        let required = m.traits.required;
        // Smithy's `CLIENT_CAREFUL` nullability, as smithy-rs clients use it: `@clientOptional`
        // members are optional, and so are required structures and unions (a server may stop
        // sending them); other required or defaulted members are plain values.
        let careful = required
            && default.is_none()
            && matches!(target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
        let optional =
            !union && ((!required && default.is_none()) || m.traits.client_optional || careful);
        let boxed = self.paths.contains_key(&owner.id) && self.recursive_edge(&owner.id, &m.target);
        Some(MemberIr {
            wire_name: m.name.clone(),
            snake_name: if union && rust_name.name == "UnknownValue" {
                // `is_unknown` is the union's own `Unknown` check (smithy-rs names the same way).
                naming::field_name("UnknownValue")
            } else if union {
                naming::field_name(&m.name)
            } else {
                rust_name.clone()
            },
            rust_name,
            // A union variant targeting Unit carries no value.
            ty: ty.unwrap_or(Ty {
                kind: TyKind::Unit,
                constraints: Constraints::default(),
            }),
            optional,
            boxed,
            required,
            default,
            sensitive: m.traits.sensitive || self.sensitive_target(&m.target),
            idempotency_token: m.traits.idempotency_token,
            docs: docs(&m.traits)
                .or_else(|| docs(&target.traits).filter(|_| !self.paths.contains_key(&m.target))),
            deprecated: m.traits.deprecated.clone(),
        })
    }

    /// A target is sensitive when it, or anything a collection of it holds, is `@sensitive`.
    fn sensitive_target(&self, id: &ShapeId) -> bool {
        let shape = self.index.shape(id);
        shape.traits.sensitive
            || match &shape.kind {
                ShapeKind::List(m) => self.sensitive_target(&m.target),
                ShapeKind::Map { key, value } => {
                    self.sensitive_target(&key.target) || self.sensitive_target(&value.target)
                }
                _ => false,
            }
    }

    fn ty(
        &mut self,
        owner: &Shape,
        m: &Member,
        target_id: &ShapeId,
        traits: &Traits,
    ) -> Option<Ty> {
        let target = self.index.shape(target_id);
        let t = &target.traits;
        let constraints = Constraints {
            length: traits.length.or(t.length),
            pattern: traits.pattern.clone().or_else(|| t.pattern.clone()),
            range: traits.range.clone().or_else(|| t.range.clone()),
            unique_items: t.unique_items,
        };
        let kind = match &target.kind {
            ShapeKind::Blob => TyKind::Blob,
            ShapeKind::Boolean => TyKind::Boolean,
            ShapeKind::String => TyKind::String,
            ShapeKind::Byte => TyKind::Byte,
            ShapeKind::Short => TyKind::Short,
            ShapeKind::Integer => TyKind::Integer,
            ShapeKind::Long => TyKind::Long,
            ShapeKind::Float => TyKind::Float,
            ShapeKind::Double => TyKind::Double,
            ShapeKind::BigInteger => TyKind::BigInteger,
            ShapeKind::BigDecimal => TyKind::BigDecimal,
            ShapeKind::Document => TyKind::Document,
            ShapeKind::Timestamp => TyKind::Timestamp(
                traits
                    .timestamp_format
                    .or(t.timestamp_format)
                    .unwrap_or(TimestampFormat::EpochSeconds),
            ),
            ShapeKind::Structure(_)
            | ShapeKind::Union(_)
            | ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_) => {
                let Some(path) = self.paths.get(target_id) else {
                    self.diags.push(self.index.model.member_diagnostic(
                        owner.id.as_str(),
                        &m.name,
                        format!(
                            "member targets `{target_id}`, which cannot be used as a value here"
                        ),
                    ));
                    return None;
                };
                let named = match target.kind {
                    ShapeKind::Structure(_) => NamedKind::Structure,
                    ShapeKind::Union(_) => NamedKind::Union,
                    ShapeKind::Enum(_) => NamedKind::Enum,
                    _ => NamedKind::IntEnum,
                };
                TyKind::Named(path.clone(), named)
            }
            ShapeKind::List(item) => TyKind::List {
                member: Box::new(self.collection_item(owner, m, item)?),
                sparse: t.sparse,
            },
            ShapeKind::Map { key, value } => TyKind::Map {
                key: Box::new(self.collection_item(owner, m, key)?),
                value: Box::new(self.collection_item(owner, m, value)?),
                sparse: t.sparse,
            },
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => {
                unreachable!("the index rejects members that target service shapes")
            }
        };
        Some(Ty { kind, constraints })
    }

    fn collection_item(&mut self, owner: &Shape, m: &Member, item: &Member) -> Option<Ty> {
        let ty = self.ty(owner, m, &item.target, &item.traits)?;
        if matches!(ty.kind, TyKind::Timestamp(f) if f != TimestampFormat::EpochSeconds) {
            self.diags.push(
                self.index.model.member_diagnostic(owner.id.as_str(), &m.name, "timestamps inside lists and maps are only supported in the protocol's default format (epoch-seconds)")
                    .help("remove `@timestampFormat` from the collection's member; Ingot does not generate this yet"),
            );
            return None;
        }
        Some(ty)
    }

    fn default_value(
        &mut self,
        owner: &Shape,
        m: &Member,
        v: &Value,
        ty: &Ty,
    ) -> Option<DefaultValue> {
        let value = match (&ty.kind, v) {
            (TyKind::Boolean, Value::Bool(b)) => Some(DefaultValue::Bool(*b)),
            // Out-of-range values are refused here: the emitted literal must fit the Rust type.
            (TyKind::Byte, Value::Number(n)) => int_in(n, i8::MIN.into(), i8::MAX.into()),
            (TyKind::Short, Value::Number(n)) => int_in(n, i16::MIN.into(), i16::MAX.into()),
            (TyKind::Integer | TyKind::Named(_, NamedKind::IntEnum), Value::Number(n)) => {
                int_in(n, i32::MIN.into(), i32::MAX.into())
            }
            (TyKind::Long, Value::Number(n)) => n.as_i64().map(DefaultValue::Int),
            (TyKind::Float, Value::Number(n)) => n
                .as_f64()
                .filter(|f| (*f as f32).is_finite())
                .map(DefaultValue::Float),
            (TyKind::Double, Value::Number(n)) => n
                .as_f64()
                .filter(|f| f.is_finite())
                .map(DefaultValue::Float),
            (TyKind::String | TyKind::Named(_, NamedKind::Enum), Value::String(s)) => {
                Some(DefaultValue::String(s.clone()))
            }
            (TyKind::Blob, Value::String(s)) => base64::engine::general_purpose::STANDARD
                .decode(s)
                .ok()
                .map(DefaultValue::Blob),
            (TyKind::Timestamp(_), Value::Number(n)) => n
                .as_f64()
                .filter(|f| f.is_finite())
                .map(DefaultValue::Timestamp),
            (TyKind::List { .. }, Value::Array(a)) if a.is_empty() => Some(DefaultValue::EmptyList),
            (TyKind::Map { .. }, Value::Object(o)) if o.is_empty() => Some(DefaultValue::EmptyMap),
            (TyKind::Document, v)
                if !matches!(v, Value::Array(a) if !a.is_empty())
                    && !matches!(v, Value::Object(o) if !o.is_empty()) =>
            {
                Some(DefaultValue::Document(v.to_string()))
            }
            _ => None,
        }
        .filter(|d| self.in_enum_set(m, d));
        if value.is_none() {
            self.diags.push(
                self.index
                    .model
                    .member_diagnostic(
                        owner.id.as_str(),
                        &m.name,
                        format!("`@default` value {v} does not fit the member's type"),
                    )
                    .help("lists take [], maps {}, blobs base64 text, enums one of their values"),
            );
        }
        value
    }

    /// An enum or intEnum default must be one of the enum's values (a member's name is not its
    /// value unless it has no `@enumValue`); anything else would make a default no peer accepts.
    fn in_enum_set(&self, m: &Member, value: &DefaultValue) -> bool {
        match (&self.index.shape(&m.target).kind, value) {
            (ShapeKind::Enum(members), DefaultValue::String(s)) => members
                .iter()
                .any(|e| string_enum_value(e).as_deref() == Some(s.as_str())),
            (ShapeKind::IntEnum(members), DefaultValue::Int(i)) => members
                .iter()
                .any(|e| int_enum_value(e).map(i64::from) == Some(*i)),
            _ => true,
        }
    }

    /// The variants of an enum or intEnum: `value` reads a member's wire value, `None` when its
    /// `enumValue` has the wrong type (reported with `expected`).
    fn enum_variants<V>(
        &mut self,
        shape: &Shape,
        members: &[Member],
        value: fn(&Member) -> Option<V>,
        expected: &str,
    ) -> Vec<EnumVariant<V>> {
        let names = naming::dedupe(
            members
                .iter()
                .map(|m| naming::variant_name(&m.name))
                .collect(),
            true,
        );
        let mut out = Vec::new();
        for (m, rust_name) in members.iter().zip(names) {
            let Some(value) = value(m) else {
                self.diags.push(self.index.model.member_diagnostic(
                    shape.id.as_str(),
                    &m.name,
                    expected,
                ));
                continue;
            };
            out.push(EnumVariant {
                rust_name,
                value,
                docs: docs(&m.traits),
                deprecated: m.traits.deprecated.clone(),
            });
        }
        out
    }
}

/// An integer default within `min..=max`.
fn int_in(n: &serde_json::Number, min: i64, max: i64) -> Option<DefaultValue> {
    n.as_i64()
        .filter(|i| (min..=max).contains(i))
        .map(DefaultValue::Int)
}

/// A string enum member's value: its `enumValue`, else its name.
fn string_enum_value(m: &Member) -> Option<String> {
    match &m.traits.enum_value {
        None => Some(m.name.clone()),
        Some(EnumValue::String(s)) => Some(s.clone()),
        Some(EnumValue::Int(_)) => None,
    }
}

/// An intEnum member's value: its integer `enumValue` (checked to fit `i32` when parsed).
fn int_enum_value(m: &Member) -> Option<i32> {
    match m.traits.enum_value {
        Some(EnumValue::Int(v)) => i32::try_from(v).ok(),
        _ => None,
    }
}

/// Follows a dot-separated member path from `start` through structure types.
pub(super) fn resolve_path(
    start: &TypeDef,
    path: &str,
    types: &[TypeDef],
) -> Option<(Vec<PathStep>, Ty)> {
    let mut current = start;
    let mut steps = Vec::new();
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let TypeKind::Structure(s) = &current.kind else {
            return None;
        };
        let m = s.members.iter().find(|m| m.wire_name == part)?;
        steps.push(PathStep {
            field: m.rust_name.clone(),
            optional: m.optional,
            boxed: m.boxed,
        });
        if parts.peek().is_none() {
            return Some((steps, m.ty.clone()));
        }
        let TyKind::Named(next, NamedKind::Structure) = &m.ty.kind else {
            return None;
        };
        current = types.iter().find(|t| &t.path == next)?;
    }
    None
}

fn is_unit(id: &ShapeId) -> bool {
    id.as_str() == "smithy.api#Unit"
}

fn docs(traits: &Traits) -> Option<String> {
    traits
        .documentation
        .as_deref()
        .map(html_to_markdown)
        .filter(|d| !d.trim().is_empty())
}
