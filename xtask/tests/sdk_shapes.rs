//! The full Cognito model's generated types have the official SDK's shapes: every public field,
//! every `&self` accessor and every builder setter that both have is of the same type (`Option`
//! or not, `&str`, `&[T]`, appending list setters, ...). The SDK's source is the `aws-sdk-cognitoidentityprovider` crate this workspace
//! already depends on (found through `cargo metadata`); the model is `../shared/models` (skipped
//! with a notice when absent). Members only one side has come from a different model version.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use quote::ToTokens;

/// `(type, member)` -> normalized type text.
type Shapes = BTreeMap<(String, String), String>;

/// Paths spelled differently by the two crates but naming the same thing.
fn normalize(ty: &str) -> String {
    let mut t: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in [
        "::std::option::",
        "::core::option::",
        "::std::string::",
        "::std::vec::",
        "::std::collections::",
        "::std::boxed::",
        "::std::convert::",
        "::core::convert::",
        "::std::result::",
        "::core::result::",
        "::aws_smithy_types::",
        "::ingot_rt::",
        "crate::types::error::",
        "crate::types::",
    ] {
        t = t.replace(prefix, "");
    }
    // `crate::operation::<op>::X` (SDK) and `super::X` (ours, from a `builders` module).
    while let Some(start) = t.find("crate::operation::") {
        let rest = &t[start + "crate::operation::".len()..];
        let end = rest
            .find("::")
            .map_or(t.len(), |i| start + "crate::operation::".len() + i + 2);
        t.replace_range(start..end, "");
    }
    // prettyplease leaves a trailing comma in generic arguments it wraps.
    t.replace(",>", ">")
        .replace("super::", "")
        .replace("error::operation::BuildError", "BuildError")
}

/// Public fields and `&self` accessors (returning something) of the structures in `file`.
fn collect(file: &Path, fields: &mut Shapes, accessors: &mut Shapes, setters: &mut Shapes) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    collect_items(&parsed.items, fields, accessors, setters);
}

fn collect_items(
    items: &[syn::Item],
    fields: &mut Shapes,
    accessors: &mut Shapes,
    setters: &mut Shapes,
) {
    for item in items {
        match item {
            syn::Item::Struct(s) if !s.ident.to_string().ends_with("Builder") => {
                for f in &s.fields {
                    if let (syn::Visibility::Public(_), Some(name)) = (&f.vis, &f.ident) {
                        let key = (s.ident.to_string(), name.to_string());
                        fields.insert(key, normalize(&f.ty.to_token_stream().to_string()));
                    }
                }
            }
            syn::Item::Impl(i) if i.trait_.is_none() => {
                let owner = i.self_ty.to_token_stream().to_string();
                for it in &i.items {
                    let syn::ImplItem::Fn(f) = it else { continue };
                    let key = (owner.clone(), f.sig.ident.to_string());
                    match (f.sig.inputs.first(), &f.sig.output) {
                        // `&self` accessors (and builders' `get_*`): their return type.
                        (Some(syn::FnArg::Receiver(r)), syn::ReturnType::Type(_, ty))
                            if f.sig.inputs.len() == 1
                                && r.reference.is_some()
                                && r.mutability.is_none() =>
                        {
                            accessors.insert(key, normalize(&ty.to_token_stream().to_string()));
                        }
                        // Builder setters (`mut self`) and `build(self)`: parameters and result.
                        (Some(syn::FnArg::Receiver(r)), ret) if r.reference.is_none() => {
                            let params: Vec<String> = f
                                .sig
                                .inputs
                                .iter()
                                .skip(1)
                                .filter_map(|a| match a {
                                    syn::FnArg::Typed(t) => {
                                        Some(normalize(&t.ty.to_token_stream().to_string()))
                                    }
                                    syn::FnArg::Receiver(_) => None,
                                })
                                .collect();
                            let ret = normalize(&ret.to_token_stream().to_string());
                            setters.insert(key, format!("({}) {ret}", params.join(", ")));
                        }
                        _ => {}
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect_items(items, fields, accessors, setters);
                }
            }
            _ => {}
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Fields, `&self` methods and builder setters.
fn shapes(files: &[PathBuf]) -> (Shapes, Shapes, Shapes) {
    let (mut fields, mut accessors, mut setters) = (Shapes::new(), Shapes::new(), Shapes::new());
    for f in files {
        collect(f, &mut fields, &mut accessors, &mut setters);
    }
    (fields, accessors, setters)
}

/// The source folder of the SDK crate in this workspace's dependency graph.
fn sdk_source(root: &Path, package: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata failed");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let manifest = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == package)
        .and_then(|p| p["manifest_path"].as_str())
        .unwrap_or_else(|| panic!("{package} is not in the workspace's dependencies"));
    Path::new(manifest)
        .parent()
        .expect("a manifest has a folder")
        .join("src")
}

/// Differences that come from the model version, not from the generator.
const MODEL_VERSION_DIFFERENCES: &[(&str, &str, &str)] = &[(
    "SmsConfigurationTypeBuilder",
    "build",
    "the SDK's newer model lets SmsConfigurationType be built without SnsCallerArn (its build() \
     fills it with unwrap_or_default, as for defaulted members); the model here has @required alone",
)];

/// `(key, sdk, ours)` for every key both have with different types, and how many were compared.
fn differences(sdk: &Shapes, ours: &Shapes) -> (Vec<String>, usize) {
    let mut compared = 0;
    let mut diffs = Vec::new();
    for (key, sdk_ty) in sdk {
        let known = MODEL_VERSION_DIFFERENCES
            .iter()
            .any(|(owner, name, _)| key.0 == *owner && key.1 == *name);
        if known {
            continue;
        }
        if let Some(our_ty) = ours.get(key) {
            compared += 1;
            if our_ty != sdk_ty {
                diffs.push(format!("{}::{}: SDK {sdk_ty}, ours {our_ty}", key.0, key.1));
            }
        }
    }
    (diffs, compared)
}

#[test]
fn cognito_types_have_the_sdk_field_and_accessor_types() {
    let root = xtask::gen::workspace_root();
    let model = root.join("../shared/models/cognito-identity-provider-2016-04-18.json");
    if !model.exists() {
        eprintln!(
            "SKIP: {} not found; SDK shapes not compared",
            model.display()
        );
        return;
    }
    let out = root.join("target/sdk-shapes/cognito");
    xtask::gen::run_one(&root, &[model], &out, None, None).unwrap_or_else(|e| panic!("{e}"));
    let mut ours = Vec::new();
    rust_files(&out.join("cognitoidentityprovider-types/src"), &mut ours);
    let sdk_src = sdk_source(&root, "aws-sdk-cognitoidentityprovider");
    let mut sdk = Vec::new();
    rust_files(&sdk_src.join("types"), &mut sdk);
    rust_files(&sdk_src.join("operation"), &mut sdk);
    // Only the data types: inputs, outputs, model types and errors (not fluent builders).
    sdk.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('_'))
    });

    let (sdk_fields, sdk_accessors, sdk_setters) = shapes(&sdk);
    let (our_fields, our_accessors, our_setters) = shapes(&ours);
    let (field_diffs, fields) = differences(&sdk_fields, &our_fields);
    let (accessor_diffs, accessors) = differences(&sdk_accessors, &our_accessors);
    let (setter_diffs, setters) = differences(&sdk_setters, &our_setters);
    // The model and the SDK differ by a few releases; most members must still be comparable.
    assert!(
        fields > 800 && accessors > 800,
        "too few members in common ({fields} fields, {accessors} accessors): is this the right SDK?"
    );
    eprintln!(
        "compared {fields} fields, {accessors} &self methods and {setters} builder setters with the SDK's"
    );
    assert!(field_diffs.is_empty(), "fields: {field_diffs:#?}");
    assert!(accessor_diffs.is_empty(), "accessors: {accessor_diffs:#?}");
    assert!(
        setter_diffs.is_empty(),
        "builder setters: {setter_diffs:#?}"
    );
}
