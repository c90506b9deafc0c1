//! What the other files of a model define, for resolving relative shape ids and elided (`$name`)
//! members. Built from the JSON AST of every file (IDL files after a first parse).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::model::raw::RawFile;
use crate::model::shape_id::PRELUDE;

/// Shape ids defined across the model, with their members' targets, mixins and resource
/// identifiers/properties.
#[derive(Clone, Debug, Default)]
pub struct Known {
    shapes: BTreeSet<String>,
    members: BTreeMap<String, Vec<(String, String)>>,
    mixins: BTreeMap<String, Vec<String>>,
    resource_members: BTreeMap<String, Vec<(String, String)>>,
}

/// Every shape the `smithy.api` prelude defines (its types and its traits), so prelude names
/// resolve even when no prelude file is loaded.
const PRELUDE_NAMES: &[&str] = &[
    "AuthTraitReference",
    "BigDecimal",
    "BigInteger",
    "Blob",
    "Boolean",
    "Byte",
    "ClosureId",
    "CommonMark",
    "Document",
    "Double",
    "EnumConstantBodyName",
    "EnumDefinition",
    "Example",
    "ExampleError",
    "Float",
    "HttpApiKeyLocations",
    "IdempotentErrors",
    "Identifier",
    "Integer",
    "LocalMixinTrait",
    "LocalMixinTraitList",
    "Long",
    "Namespaces",
    "NonEmptyString",
    "NonEmptyStringList",
    "NonEmptyStringMap",
    "PrimitiveBoolean",
    "PrimitiveByte",
    "PrimitiveDouble",
    "PrimitiveFloat",
    "PrimitiveInteger",
    "PrimitiveLong",
    "PrimitiveShort",
    "Reference",
    "Renames",
    "RequestCompressionEncodingsList",
    "Severity",
    "ShapeClosure",
    "ShapeClosures",
    "Short",
    "String",
    "StructurallyExclusive",
    "Timestamp",
    "TraitChangeType",
    "TraitDiffRule",
    "TraitDiffRules",
    "TraitShapeId",
    "TraitShapeIdList",
    "TraitValidator",
    "Unit",
    "addedDefault",
    "auth",
    "authDefinition",
    "box",
    "clientOptional",
    "cors",
    "default",
    "deprecated",
    "documentation",
    "endpoint",
    "enum",
    "enumValue",
    "error",
    "eventHeader",
    "eventPayload",
    "examples",
    "externalDocumentation",
    "hostLabel",
    "http",
    "httpApiKeyAuth",
    "httpBasicAuth",
    "httpBearerAuth",
    "httpChecksumRequired",
    "httpDigestAuth",
    "httpError",
    "httpHeader",
    "httpLabel",
    "httpPayload",
    "httpPrefixHeaders",
    "httpQuery",
    "httpQueryParams",
    "httpResponseCode",
    "idRef",
    "idempotencyToken",
    "idempotent",
    "input",
    "internal",
    "jsonName",
    "length",
    "longPoll",
    "mediaType",
    "metadata",
    "mixin",
    "nestedProperties",
    "noReplace",
    "notProperty",
    "optionalAuth",
    "output",
    "paginated",
    "pattern",
    "private",
    "property",
    "protocolDefinition",
    "range",
    "readonly",
    "recommended",
    "references",
    "requestCompression",
    "required",
    "requiresLength",
    "resourceIdentifier",
    "retryable",
    "sensitive",
    "since",
    "sparse",
    "streaming",
    "suppress",
    "tags",
    "timestampFormat",
    "title",
    "trait",
    "traitValidators",
    "uniqueItems",
    "unitType",
    "unstable",
    "xmlAttribute",
    "xmlFlattened",
    "xmlName",
    "xmlNamespace",
];

impl Known {
    /// What `files` define, plus the prelude.
    pub fn from_files<'a>(files: impl IntoIterator<Item = &'a RawFile>) -> Known {
        let mut known = Known::default();
        for name in PRELUDE_NAMES {
            known.shapes.insert(format!("{PRELUDE}#{name}"));
        }
        for file in files {
            for (key, body) in &file.shapes {
                if body.get("type").and_then(Value::as_str) == Some("apply") {
                    continue;
                }
                known.add(key, body);
            }
        }
        known
    }

    fn add(&mut self, key: &str, body: &Value) {
        self.shapes.insert(key.to_owned());
        let target = |v: &Value| v.get("target").and_then(Value::as_str).map(str::to_owned);
        let mut members = Vec::new();
        for single in ["member", "key", "value"] {
            if let Some(t) = body.get(single).and_then(target) {
                members.push((single.to_owned(), t));
            }
        }
        if let Some(Value::Object(map)) = body.get("members") {
            members.extend(
                map.iter()
                    .filter_map(|(k, v)| Some((k.clone(), target(v)?))),
            );
        }
        self.members.insert(key.to_owned(), members);
        if let Some(Value::Array(mixins)) = body.get("mixins") {
            self.mixins
                .insert(key.to_owned(), mixins.iter().filter_map(target).collect());
        }
        let mut bound = Vec::new();
        for field in ["identifiers", "properties"] {
            if let Some(Value::Object(map)) = body.get(field) {
                bound.extend(
                    map.iter()
                        .filter_map(|(k, v)| Some((k.clone(), target(v)?))),
                );
            }
        }
        if !bound.is_empty() {
            self.resource_members.insert(key.to_owned(), bound);
        }
    }

    /// True when the absolute id `id` is defined.
    pub fn contains(&self, id: &str) -> bool {
        self.shapes.contains(id)
    }

    /// The target of member `name` of `shape`, looking through its mixins (depth first).
    pub fn member_target(&self, shape: &str, name: &str) -> Option<String> {
        self.member_target_in(shape, name, 0)
    }

    fn member_target_in(&self, shape: &str, name: &str, depth: usize) -> Option<String> {
        // Mixin chains are short; the bound only stops a cycle.
        if depth > 32 {
            return None;
        }
        let own = self.members.get(shape)?.iter().find(|(n, _)| n == name);
        if let Some((_, t)) = own {
            return Some(t.clone());
        }
        self.mixins
            .get(shape)?
            .iter()
            .find_map(|m| self.member_target_in(m, name, depth + 1))
    }

    /// The target of identifier or property `name` of resource `resource`.
    pub fn resource_target(&self, resource: &str, name: &str) -> Option<String> {
        self.resource_members
            .get(resource)?
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
    }
}
