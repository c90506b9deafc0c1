//! IR -> formatted Rust source. Emitters read only the IR: no trait lookups, no case conversion.

mod client;
mod client_error;
mod enums;
mod json;
mod manifest;
pub mod protocol_tests;
mod server;
mod structure;
mod tokens;
mod union;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diag::{Diagnostic, Diagnostics};
use crate::ir::{Module, ServiceIr, TypeKind};

/// One generated file, relative to its crate's directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// One generated crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedCrate {
    /// Package name, also the directory name.
    pub name: String,
    pub files: Vec<GeneratedFile>,
}

/// Where generated crates find the runtime and how they say they were made.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Path from a generated crate's directory to the folder holding the runtime crates
    /// (`rt/`, ...), e.g. `../../crates`.
    pub runtime_dir: String,
    /// The command that regenerates the files, named in every header.
    pub command: String,
}

/// The three crates of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrateKind {
    /// Every structure, union, enum and error of the service, plus one input and one output type
    /// per operation, with builders and the awsJson codec. No HTTP stack.
    Types,
    /// `Client`, fluent builders, paginators and per-operation errors over `ingot-client-rt`.
    Client,
    /// A handler builder, per-operation errors and validators over `ingot-server-rt`.
    Server,
}

impl CrateKind {
    /// All three, in dependency order.
    pub const ALL: [CrateKind; 3] = [CrateKind::Types, CrateKind::Client, CrateKind::Server];

    /// The package name suffix.
    pub fn suffix(self) -> &'static str {
        match self {
            CrateKind::Types => "types",
            CrateKind::Client => "client",
            CrateKind::Server => "server",
        }
    }
}

/// The types, client and server crates of `ir`.
pub fn crates(ir: &ServiceIr, opts: &EmitOptions) -> Result<Vec<GeneratedCrate>, Diagnostics> {
    CrateKind::ALL
        .iter()
        .map(|kind| service_crate(ir, opts, *kind))
        .collect()
}

fn service_crate(
    ir: &ServiceIr,
    opts: &EmitOptions,
    kind: CrateKind,
) -> Result<GeneratedCrate, Diagnostics> {
    let name = format!("{}-{}", ir.crate_base, kind.suffix());
    let types_name = format!("{}-types", ir.crate_base);
    let types = proc_macro2::Ident::new(
        &types_name.replace('-', "_"),
        proc_macro2::Span::call_site(),
    );
    let header = header(ir, opts);
    let lib = match kind {
        CrateKind::Types => manifest::types_lib(ir, &header),
        CrateKind::Client => manifest::client_lib(ir, &types_name, &header),
        CrateKind::Server => manifest::server_lib(ir, &types_name, &header),
    };
    let mut files = vec![
        GeneratedFile {
            path: "Cargo.toml".into(),
            contents: manifest::manifest(ir, kind, &name, opts, &header),
        },
        GeneratedFile {
            path: "src/lib.rs".into(),
            contents: lib,
        },
    ];
    if kind == CrateKind::Client {
        // The endpoint rules and their tests are data: JSON as in the model, read by the runtime.
        if let Some(rules) = &ir.endpoint.rule_set {
            files.push(GeneratedFile {
                path: "src/endpoint_rule_set.json".into(),
                contents: rules.clone(),
            });
        }
        if let Some(tests) = &ir.endpoint.tests {
            files.push(GeneratedFile {
                path: "tests/endpoint_tests.json".into(),
                contents: tests.clone(),
            });
        }
    }
    let modules: Vec<(String, TokenStream)> = match kind {
        CrateKind::Types => Module::ALL
            .iter()
            .map(|m| (m.file().to_owned(), module_tokens(ir, *m)))
            .collect(),
        CrateKind::Client => {
            // One file per operation, as the SDK has: rustc can work on them in parallel.
            let mut modules = vec![
                ("src/client.rs".to_owned(), client::client_module(ir)),
                ("src/config.rs".to_owned(), client::config_module(ir)),
                (
                    "src/error_meta.rs".to_owned(),
                    client_error::service_error(ir, &types),
                ),
                ("src/operation.rs".to_owned(), client::operation_index(ir)),
            ];
            modules.extend(ir.operations.iter().map(|op| {
                (
                    format!("src/operation/{}.rs", op.fn_name.name),
                    client::operation(ir, op, &types),
                )
            }));
            if let Some(tests) = client::endpoint_tests(ir) {
                modules.push(("tests/endpoint_tests.rs".to_owned(), tests));
            }
            modules
        }
        CrateKind::Server => vec![
            (
                "src/operation.rs".to_owned(),
                server::operation_module(ir, &types),
            ),
            ("src/service.rs".to_owned(), server::service_module(ir)),
            (
                "src/validate.rs".to_owned(),
                validate::validate_module(ir, &types),
            ),
        ],
    };
    formatted_crate(ir, name, &header, files, modules)
}

/// Adds the formatted `modules` to `files`; a formatting failure is a generator bug, reported.
fn formatted_crate(
    ir: &ServiceIr,
    name: String,
    header: &str,
    mut files: Vec<GeneratedFile>,
    modules: Vec<(String, TokenStream)>,
) -> Result<GeneratedCrate, Diagnostics> {
    let mut diags = Diagnostics::default();
    for (path, tokens) in modules {
        match format_file(&tokens, header) {
            Ok(contents) => files.push(GeneratedFile { path, contents }),
            Err(e) => diags.push(Diagnostic::in_file(
                &ir.model_file,
                format!("internal generator error in {name}/{path}: {e}"),
            )),
        }
    }
    diags.into_result(GeneratedCrate { name, files })
}

fn module_tokens(ir: &ServiceIr, module: Module) -> TokenStream {
    let mut items = Vec::new();
    let mut builders = Vec::new();
    for def in ir.types.iter().filter(|t| t.path.module == module) {
        match &def.kind {
            TypeKind::Structure(s) => {
                let (ty, builder) = structure::structure(def, s);
                items.push(ty);
                items.push(json::structure_codec(def, s));
                builders.push(builder);
            }
            TypeKind::Union(variants) => items.push(union::union(def, variants)),
            TypeKind::Enum(variants) => items.push(enums::string_enum(def, variants)),
            TypeKind::IntEnum(variants) => items.push(enums::int_enum(def, variants)),
        }
    }
    let builders_doc = tokens::doc_line("Builders for the structures of this module.");
    let builders = (!builders.is_empty()).then(|| {
        quote! {
            #builders_doc
            pub mod builders {
                #(#builders)*
            }
        }
    });
    // The error structures are a submodule of `types`, as in the SDK (`types::error`).
    let errors = (module == Module::Types).then(|| {
        let doc = tokens::doc_line("The service's error structures.");
        quote! {
            #doc
            #[rustfmt::skip]
            pub mod error;
        }
    });
    quote! {
        #(#items)*
        #builders
        #errors
    }
}

/// The first lines of every generated file.
fn header(ir: &ServiceIr, opts: &EmitOptions) -> String {
    format!(
        "// @generated by `{}` from {}. Do not edit.\n",
        opts.command, ir.model_file
    )
}

/// Formats tokens as a Rust file; a parse failure is a generator bug, reported, never a panic.
fn format_file(tokens: &TokenStream, header: &str) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens.clone()).map_err(|e| format!("generated tokens do not parse: {e}"))?;
    Ok(format!("{header}\n{}", prettyplease::unparse(&file)))
}
