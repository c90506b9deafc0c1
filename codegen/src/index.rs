//! The shape index: checks that a model is complete and usable, finds the service, its protocol
//! and the closure of shapes the service reaches.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::traits::Protocol;
use crate::model::{Model, Shape, ShapeId, ShapeKind};

/// A validated model with its one service.
#[derive(Debug)]
pub struct ShapeIndex<'m> {
    pub model: &'m Model,
    pub service: &'m Shape,
    pub protocol: Protocol,
    /// Every operation bound to the service (directly or through resources), by shape id.
    pub operations: BTreeSet<ShapeId>,
    /// Every shape the service reaches (operations, resources, errors, members' targets).
    pub closure: BTreeSet<ShapeId>,
}

impl<'m> ShapeIndex<'m> {
    /// Validates `model` and computes the service closure of its one service.
    pub fn new(model: &'m Model) -> Result<ShapeIndex<'m>, Diagnostics> {
        Self::for_service(model, None)
    }

    /// Validates `model` and computes the closure of the service named `service` (a shape id
    /// or a shape name), or of the model's one service when `None`.
    pub fn for_service(
        model: &'m Model,
        service: Option<&str>,
    ) -> Result<ShapeIndex<'m>, Diagnostics> {
        let mut diags = Diagnostics::default();
        check_targets(model, &mut diags);
        let services: Vec<&Shape> = model
            .shapes
            .values()
            .filter(|s| matches!(s.kind, ShapeKind::Service(_)))
            .filter(|s| service.is_none_or(|want| s.id.as_str() == want || s.id.name() == want))
            .collect();
        let service = match (services.as_slice(), service) {
            ([], Some(want)) => {
                let known: Vec<&str> = model
                    .shapes
                    .values()
                    .filter(|s| matches!(s.kind, ShapeKind::Service(_)))
                    .map(|s| s.id.as_str())
                    .collect();
                diags.push(
                    Diagnostic::in_file(
                        &model.file,
                        format!("the model defines no service `{want}`"),
                    )
                    .help(format!("services of the model: {}", known.join(", "))),
                );
                return Err(diags);
            }
            (services, _) => match services {
                [one] => *one,
                [] => {
                    diags.push(
                        Diagnostic::in_file(&model.file, "the model defines no service shape")
                            .help("add a `service` shape that lists the operations to generate"),
                    );
                    return Err(diags);
                }
                many => {
                    let ids: Vec<&str> = many.iter().map(|s| s.id.as_str()).collect();
                    // Name the files that define the services, not every file of the model.
                    let mut files: Vec<&str> = ids
                        .iter()
                        .map(|id| {
                            model
                                .sources
                                .shapes
                                .get(*id)
                                .map_or(model.file.as_str(), |s| s.file.as_str())
                        })
                        .collect();
                    files.dedup();
                    diags.push(
                    Diagnostic::in_file(
                        &files.join(", "),
                        format!(
                            "the model defines {} services: {}",
                            many.len(),
                            ids.join(", ")
                        ),
                    )
                    .help("select one with the `service` setting (`--service NAME`), or put each service in its own model file"),
                );
                    return Err(diags);
                }
            },
        };
        let protocol = match service.traits.protocols.as_slice() {
            [] => {
                diags.push(
                    model.shape_diagnostic(service.id.as_str(), "the service has no supported protocol")
                        .help("add the trait `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1` to the service"),
                );
                return Err(diags);
            }
            // Both present: 1.1 is the newer of the two and what a client would pick.
            list => *list
                .iter()
                .max()
                .unwrap_or_else(|| unreachable!("non-empty")),
        };
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut index = ShapeIndex {
            model,
            service,
            protocol,
            operations: BTreeSet::new(),
            closure: BTreeSet::new(),
        };
        index.walk(&mut diags);
        index.check_names(&mut diags);
        diags.into_result(index)
    }

    /// The shape with `id`; every id handed out by the index resolves.
    pub fn shape(&self, id: &ShapeId) -> &'m Shape {
        self.model
            .shapes
            .get(id)
            .unwrap_or_else(|| unreachable!("target `{id}` was checked to resolve"))
    }

    /// The service's `rename` map.
    pub fn renames(&self) -> &'m BTreeMap<ShapeId, String> {
        match &self.service.kind {
            ShapeKind::Service(s) => &s.rename,
            _ => unreachable!("the index's service is a service shape"),
        }
    }

    /// The name a shape has in this service (after `rename`).
    pub fn local_name<'a>(&'a self, id: &'a ShapeId) -> &'a str {
        self.renames().get(id).map_or(id.name(), String::as_str)
    }

    fn walk(&mut self, diags: &mut Diagnostics) {
        let model = self.model;
        let mut stack = vec![self.service.id.clone()];
        while let Some(id) = stack.pop() {
            if !self.closure.insert(id.clone()) {
                continue;
            }
            let shape = self.shape(&id);
            let mut expect =
                |target: &ShapeId, what: &str, ok: fn(&Shape) -> bool, stack: &mut Vec<ShapeId>| {
                    let t = self.model.shapes.get(target);
                    match t {
                        Some(t) if ok(t) => stack.push(target.clone()),
                        Some(t) => diags.push(model.shape_diagnostic(
                            id.as_str(),
                            format!("`{target}` is a {} but must be {what}", t.kind.type_name()),
                        )),
                        None => {} // reported by check_targets
                    }
                };
            match &shape.kind {
                ShapeKind::Service(s) => {
                    for op in &s.operations {
                        expect(op, "an operation", is_operation, &mut stack);
                    }
                    for r in &s.resources {
                        expect(r, "a resource", is_resource, &mut stack);
                    }
                    for e in &s.errors {
                        expect(
                            e,
                            "a structure with the `error` trait",
                            is_error,
                            &mut stack,
                        );
                    }
                }
                ShapeKind::Resource(r) => {
                    for op in r.operations() {
                        expect(op, "an operation", is_operation, &mut stack);
                    }
                    for res in &r.resources {
                        expect(res, "a resource", is_resource, &mut stack);
                    }
                    for t in r.targets() {
                        expect(t, "a data shape", is_data, &mut stack);
                    }
                }
                ShapeKind::Operation(op) => {
                    self.operations.insert(id.clone());
                    expect(&op.input, "a structure", is_structure, &mut stack);
                    expect(&op.output, "a structure", is_structure, &mut stack);
                    for e in &op.errors {
                        expect(
                            e,
                            "a structure with the `error` trait",
                            is_error,
                            &mut stack,
                        );
                    }
                }
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
                kind => {
                    for m in kind.members() {
                        let Some(t) = self.model.shapes.get(&m.target) else {
                            continue;
                        };
                        if is_data(t) {
                            stack.push(m.target.clone());
                        } else {
                            diags.push(model.member_diagnostic(
                                id.as_str(),
                                &m.name,
                                format!(
                                    "member targets the {} `{}`; members must target data shapes",
                                    t.kind.type_name(),
                                    m.target
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }

    /// Shape names must be unique (ignoring case) in the closure once `rename` is applied.
    fn check_names(&self, diags: &mut Diagnostics) {
        let mut seen: BTreeMap<String, &ShapeId> = BTreeMap::new();
        for id in &self.closure {
            let shape = self.shape(id);
            if id.is_prelude() || matches!(shape.kind, ShapeKind::Service(_)) {
                continue;
            }
            let name = self.local_name(id).to_ascii_lowercase();
            if let Some(other) = seen.insert(name, id) {
                diags.push(
                    self.model.shape_diagnostic(id.as_str(), format!("shape name conflicts with `{other}` in the service closure"))
                        .help(format!("give one of them a new name in the service's `rename` map, e.g. \"{id}\": \"Other{}\"", id.name())),
                );
            }
        }
        for (id, _) in self.renames().iter() {
            if let Some(shape) = self.model.shapes.get(id) {
                if shape.traits.error.is_some() {
                    diags.push(
                        self.model.shape_diagnostic(
                            self.service.id.as_str(),
                            format!("awsJson services may not rename the error shape `{id}`"),
                        )
                        .help(
                            "errors travel by their original name; remove the entry from `rename`",
                        ),
                    );
                }
            }
        }
    }
}

/// Every target in the file resolves to a defined or prelude shape.
fn check_targets(model: &Model, diags: &mut Diagnostics) {
    let missing = |target: &ShapeId| -> bool { !model.shapes.contains_key(target) };
    let help =
        |target: &ShapeId| format!("define the shape `{target}` or fix the target's spelling");
    for shape in model.shapes.values() {
        for m in shape.kind.members() {
            if missing(&m.target) {
                diags.push(
                    model
                        .member_diagnostic(
                            shape.id.as_str(),
                            &m.name,
                            format!("member target `{}` does not exist", m.target),
                        )
                        .help(help(&m.target)),
                );
            }
        }
        let mut refs: Vec<(&str, &ShapeId)> = Vec::new();
        match &shape.kind {
            ShapeKind::Operation(op) => {
                refs.push(("input", &op.input));
                refs.push(("output", &op.output));
                refs.extend(op.errors.iter().map(|e| ("errors", e)));
            }
            ShapeKind::Service(s) => {
                refs.extend(s.operations.iter().map(|e| ("operations", e)));
                refs.extend(s.resources.iter().map(|e| ("resources", e)));
                refs.extend(s.errors.iter().map(|e| ("errors", e)));
            }
            ShapeKind::Resource(r) => {
                refs.extend(r.operations().map(|e| ("operations", e)));
                refs.extend(r.resources.iter().map(|e| ("resources", e)));
                refs.extend(r.targets().map(|e| ("identifiers", e)));
            }
            _ => {}
        }
        for (what, target) in refs {
            if missing(target) {
                diags.push(
                    model
                        .shape_diagnostic(
                            shape.id.as_str(),
                            format!("`{what}` refers to `{target}`, which does not exist"),
                        )
                        .help(help(target)),
                );
            }
        }
    }
}

fn is_operation(s: &Shape) -> bool {
    matches!(s.kind, ShapeKind::Operation(_))
}
fn is_resource(s: &Shape) -> bool {
    matches!(s.kind, ShapeKind::Resource(_))
}
fn is_structure(s: &Shape) -> bool {
    matches!(s.kind, ShapeKind::Structure(_))
}
fn is_error(s: &Shape) -> bool {
    is_structure(s) && s.traits.error.is_some()
}
fn is_data(s: &Shape) -> bool {
    !matches!(
        s.kind,
        ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_)
    )
}
