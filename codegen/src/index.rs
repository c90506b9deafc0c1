//! The shape index: checks that a model is complete and usable, finds the service, its protocol
//! and the closure of shapes the service reaches.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::traits::Protocol;
use crate::model::{Model, Operation, Shape, ShapeId, ShapeKind};

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
    /// Operations left out because they stream (see [`streams`]), with the warning saying so.
    pub skipped: BTreeSet<ShapeId>,
    /// Problems that do not stop generation: operations left out, unsupported traits.
    pub warnings: Vec<Diagnostic>,
}

/// Lists and maps may hold lists and maps this deep (AWS models use three levels); lowering and
/// emitting recurse once per level.
pub const MAX_COLLECTION_DEPTH: usize = 16;

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
            skipped: BTreeSet::new(),
            warnings: Vec::new(),
        };
        index.walk(&mut diags);
        index.check_names(&mut diags);
        index.check_collections(&mut diags);
        index.warnings.sort_by(|a, b| a.shape.cmp(&b.shape));
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
                    if let Some(warning) = streams(model, shape, op) {
                        // Left out whole: a client or server that buffered the stream would be wrong.
                        self.skipped.insert(id.clone());
                        self.warnings.push(warning);
                        continue;
                    }
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

    /// Lists and maps of lists and maps must end in other shapes within
    /// [`MAX_COLLECTION_DEPTH`] levels: a list that holds itself without a structure or union in
    /// between (which Smithy forbids) or a very deep nesting would recurse without bound later.
    fn check_collections(&self, diags: &mut Diagnostics) {
        let mut below = BTreeMap::new();
        let mut reported = BTreeSet::new();
        for id in &self.closure {
            self.collection_depth(id, &mut Vec::new(), &mut below, &mut reported, diags);
        }
    }

    /// Records in `below` how many collection levels start at `id`; recursion is bounded by
    /// [`MAX_COLLECTION_DEPTH`] through `path`.
    fn collection_depth(
        &self,
        id: &ShapeId,
        path: &mut Vec<ShapeId>,
        below: &mut BTreeMap<ShapeId, usize>,
        reported: &mut BTreeSet<ShapeId>,
        diags: &mut Diagnostics,
    ) {
        let children: Vec<&ShapeId> = match &self.shape(id).kind {
            ShapeKind::List(m) => vec![&m.target],
            ShapeKind::Map { key, value } => vec![&key.target, &value.target],
            _ => return,
        };
        let mut problem =
            |id: &ShapeId, message: String| {
                if reported.insert(id.clone()) {
                    diags.push(self.model.shape_diagnostic(id.as_str(), message).help(
                        "put a structure or union between the levels, or flatten the nesting",
                    ));
                }
            };
        if path.contains(id) {
            problem(
                id,
                "this list or map contains itself without a structure or union in between".into(),
            );
            return;
        }
        if let Some(depth) = below.get(id) {
            if path.len() + depth > MAX_COLLECTION_DEPTH {
                problem(
                    path.first().unwrap_or(id),
                    format!("lists and maps nest deeper than {MAX_COLLECTION_DEPTH} levels here"),
                );
            }
            return;
        }
        if path.len() >= MAX_COLLECTION_DEPTH {
            problem(
                path.first().unwrap_or(id),
                format!("lists and maps nest deeper than {MAX_COLLECTION_DEPTH} levels here"),
            );
            return;
        }
        path.push(id.clone());
        for child in children {
            if self.model.shapes.contains_key(child) {
                self.collection_depth(child, path, below, reported, diags);
            }
        }
        path.pop();
        let deepest = match &self.shape(id).kind {
            ShapeKind::List(m) => below.get(&m.target).copied().unwrap_or(0),
            ShapeKind::Map { key, value } => below
                .get(&key.target)
                .copied()
                .unwrap_or(0)
                .max(below.get(&value.target).copied().unwrap_or(0)),
            _ => 0,
        };
        below.insert(id.clone(), deepest + 1);
    }
}

/// Whether operation `shape` streams: its input or output reaches, through members, a blob with
/// `@streaming` or an event stream (a union with `@streaming`). Returns the warning that leaves
/// the operation out, naming the operation and the streaming shape.
pub fn streams(model: &Model, shape: &Shape, op: &Operation) -> Option<Diagnostic> {
    for (side, start) in [("input", &op.input), ("output", &op.output)] {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let Some(s) = model.shapes.get(id) else {
                continue;
            };
            if s.traits.raw.contains_key(STREAMING) {
                let what = match s.kind {
                    ShapeKind::Union(_) => "the event stream",
                    _ => "the streaming blob",
                };
                return Some(
                    model
                        .shape_diagnostic(
                            shape.id.as_str(),
                            format!("operation left out of the generated client and server: its {side} reaches {what} `{id}`, and Ingot does not support streaming yet"),
                        )
                        .help("the service's other operations are generated; a streaming operation is never generated with a buffered body")
                        .warning(),
                );
            }
            stack.extend(s.kind.members().into_iter().map(|m| &m.target));
        }
    }
    None
}

/// `smithy.api#streaming`: on a blob, a byte stream; on a union, an event stream.
const STREAMING: &str = "smithy.api#streaming";

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
