//! Server-side constraint checks: one function per structure and union reachable as data, walking
//! members and collections and reporting every violation with its path. Runs only on servers.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::tokens::ident;
use crate::ir::{MemberIr, NamedKind, ServiceIr, Ty, TyKind, TypeDef, TypeKind, TypePath};

/// The validator function for a named type, e.g. `crate::validate::types_user_import_job_type`.
pub fn fn_name(p: &TypePath) -> Ident {
    format_ident!(
        "{}_{}",
        p.module.name(),
        p.name.name.trim_start_matches('_').to_lowercase()
    )
}

/// `src/validate.rs`: validators of every structure and union of the service.
pub fn validate_module(ir: &ServiceIr, types: &Ident) -> TokenStream {
    let reachable = reachable_from_inputs(ir);
    let fns = ir
        .types
        .iter()
        .filter(|def| reachable.contains(&def.path))
        .filter_map(|def| validator(def, types));
    quote! {
        use ::ingot_server_rt::{PathSeg, Violation};
        #(#fns)*
    }
}

/// Servers validate requests only: the operation inputs and every type they reach.
fn reachable_from_inputs(ir: &ServiceIr) -> BTreeSet<TypePath> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<TypePath> = ir.operations.iter().map(|op| op.input.clone()).collect();
    while let Some(p) = stack.pop() {
        if !seen.insert(p.clone()) {
            continue;
        }
        let members: &[MemberIr] = match ir.type_def(&p).map(|d| &d.kind) {
            Some(TypeKind::Structure(s)) => &s.members,
            Some(TypeKind::Union(v)) => v,
            _ => &[],
        };
        for m in members {
            named_in(&m.ty, &mut stack);
        }
    }
    seen
}

fn named_in(ty: &Ty, out: &mut Vec<TypePath>) {
    match &ty.kind {
        TyKind::Named(p, _) => out.push(p.clone()),
        TyKind::List { member, .. } => named_in(member, out),
        TyKind::Map { key, value, .. } => {
            named_in(key, out);
            named_in(value, out);
        }
        _ => {}
    }
}

fn validator(def: &TypeDef, types: &Ident) -> Option<TokenStream> {
    let name = fn_name(&def.path);
    let ty = qualified(&def.path, types);
    let body = match &def.kind {
        TypeKind::Structure(s) => {
            let checks: Vec<TokenStream> = s
                .members
                .iter()
                .filter_map(|m| member_checks(m, def.sensitive, types))
                .collect();
            if checks.is_empty() {
                return Some(quote! {
                    pub(crate) fn #name(_v: &#ty, _path: &mut ::std::vec::Vec<PathSeg>, _out: &mut ::std::vec::Vec<Violation>) {}
                });
            }
            quote! { #(#checks)* }
        }
        TypeKind::Union(variants) => {
            // A member this server does not know was read as `Unknown`: the request is invalid.
            let members = variants.iter().map(|v| &v.wire_name);
            let report = quote! {
                out.push(Violation { path: path.clone(), value: ::core::option::Option::None, kind: ::ingot_server_rt::ConstraintKind::UnionMember(&[#(#members),*]) });
            };
            let arms: Vec<TokenStream> = variants
                .iter()
                .filter(|v| v.ty.kind != TyKind::Unit)
                .filter_map(|v| {
                    let var = ident(&v.rust_name);
                    let wire = &v.wire_name;
                    let checks = checks(&v.ty, quote! { x }, v.sensitive || def.sensitive, types)?;
                    Some(quote! {
                        #ty::#var(x) => {
                            path.push(PathSeg::Member(#wire));
                            #checks
                            path.pop();
                        }
                    })
                })
                .collect();
            if arms.is_empty() {
                quote! { if let #ty::Unknown = v { #report } }
            } else {
                quote! {
                    match v {
                        #ty::Unknown => { #report }
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        }
        TypeKind::Enum(_) | TypeKind::IntEnum(_) => return None,
    };
    Some(quote! {
        pub(crate) fn #name(v: &#ty, path: &mut ::std::vec::Vec<PathSeg>, out: &mut ::std::vec::Vec<Violation>) {
            #body
        }
    })
}

/// `::types_crate::module::Name`.
fn qualified(p: &TypePath, types: &Ident) -> TokenStream {
    super::tokens::qualified(types, p)
}

fn member_checks(m: &MemberIr, struct_sensitive: bool, types: &Ident) -> Option<TokenStream> {
    let field = ident(&m.rust_name);
    let wire = &m.wire_name;
    let checks = checks(&m.ty, quote! { x }, m.sensitive || struct_sensitive, types)?;
    let body = quote! {
        path.push(PathSeg::Member(#wire));
        #checks
        path.pop();
    };
    Some(if m.optional {
        quote! { if let ::core::option::Option::Some(x) = &v.#field { #body } }
    } else {
        quote! { { let x = &v.#field; #body } }
    })
}

/// The checks of one value `x` (a reference) of type `ty`; `None` when there is nothing to check.
fn checks(ty: &Ty, x: TokenStream, sensitive: bool, types: &Ident) -> Option<TokenStream> {
    let mut out = Vec::new();
    let c = &ty.constraints;
    let value = if sensitive {
        quote! { ::core::option::Option::None }
    } else {
        match ty.kind {
            TyKind::String => quote! { ::core::option::Option::Some(#x.to_string()) },
            TyKind::Byte
            | TyKind::Short
            | TyKind::Integer
            | TyKind::Long
            | TyKind::Float
            | TyKind::Double => {
                quote! { ::core::option::Option::Some(#x.to_string()) }
            }
            _ => quote! { ::core::option::Option::None },
        }
    };
    if let Some(len) = c.length {
        let measure = match ty.kind {
            TyKind::String => Some(quote! { #x.chars().count() }),
            TyKind::Blob => Some(quote! { #x.as_ref().len() }),
            TyKind::List { .. } | TyKind::Map { .. } => Some(quote! { #x.len() }),
            _ => None,
        };
        if let Some(measure) = measure {
            let min = opt_u64(len.min);
            let max = opt_u64(len.max);
            let mut conds = Vec::new();
            if let Some(m) = len.min.filter(|m| *m > 0) {
                let m = Literal::usize_unsuffixed(m as usize);
                conds.push(quote! { n < #m });
            }
            if let Some(m) = len.max {
                let m = Literal::usize_unsuffixed(m as usize);
                conds.push(quote! { n > #m });
            }
            if !conds.is_empty() {
                out.push(quote! {
                    let n = #measure;
                    if #(#conds)||* {
                        out.push(Violation { path: path.clone(), value: #value, kind: ::ingot_server_rt::ConstraintKind::Length { len: n, min: #min, max: #max } });
                    }
                });
            }
        }
    }
    if let (Some(pattern), TyKind::String) = (&c.pattern, &ty.kind) {
        out.push(quote! {
            static PATTERN: ::ingot_server_rt::pattern::Pattern = ::ingot_server_rt::pattern::Pattern::new(#pattern);
            if !PATTERN.is_match(#x) {
                out.push(Violation { path: path.clone(), value: #value, kind: ::ingot_server_rt::ConstraintKind::Pattern(#pattern) });
            }
        });
    }
    if let Some(range) = &c.range {
        let numeric = matches!(
            ty.kind,
            TyKind::Byte
                | TyKind::Short
                | TyKind::Integer
                | TyKind::Long
                | TyKind::Float
                | TyKind::Double
        );
        if numeric {
            let as_f64 = |n: &serde_json::Number| Literal::f64_suffixed(n.as_f64().unwrap_or(0.0));
            let mut conds = Vec::new();
            if let Some(m) = &range.min {
                let m = as_f64(m);
                conds.push(quote! { n < #m });
            }
            if let Some(m) = &range.max {
                let m = as_f64(m);
                conds.push(quote! { n > #m });
            }
            let min = opt_text(range.min.as_ref());
            let max = opt_text(range.max.as_ref());
            out.push(quote! {
                #[allow(clippy::cast_lossless, clippy::unnecessary_cast)]
                let n = *#x as f64;
                if #(#conds)||* {
                    out.push(Violation { path: path.clone(), value: #value, kind: ::ingot_server_rt::ConstraintKind::Range { min: #min, max: #max } });
                }
            });
        }
    }
    if c.unique_items && matches!(ty.kind, TyKind::List { .. }) {
        out.push(quote! {
            if #x.iter().enumerate().any(|(i, a)| #x[..i].contains(a)) {
                out.push(Violation { path: path.clone(), value: ::core::option::Option::None, kind: ::ingot_server_rt::ConstraintKind::UniqueItems });
            }
        });
    }
    match &ty.kind {
        TyKind::Named(p, NamedKind::Enum) => {
            let t = qualified(p, types);
            out.push(quote! {
                if let #t::Unknown(_) = #x {
                    out.push(Violation { path: path.clone(), value: #value, kind: ::ingot_server_rt::ConstraintKind::Enum(#t::VALUES) });
                }
            });
        }
        TyKind::Named(p, NamedKind::IntEnum) => {
            let t = qualified(p, types);
            let value = if sensitive {
                quote! { ::core::option::Option::None }
            } else {
                quote! { ::core::option::Option::Some(#x.value().to_string()) }
            };
            out.push(quote! {
                if let #t::Unknown(_) = #x {
                    out.push(Violation { path: path.clone(), value: #value, kind: ::ingot_server_rt::ConstraintKind::IntEnum(#t::VALUES) });
                }
            });
        }
        TyKind::Named(p, NamedKind::Structure | NamedKind::Union) => {
            let f = fn_name(p);
            out.push(quote! { crate::validate::#f(#x, path, out); });
        }
        TyKind::List { member, sparse } => {
            if let Some(inner) = checks(member, quote! { item }, sensitive, types) {
                let bind = if *sparse {
                    quote! { if let ::core::option::Option::Some(item) = item }
                } else {
                    quote! { if true }
                };
                out.push(quote! {
                    for (i, item) in #x.iter().enumerate() {
                        path.push(PathSeg::Index(i));
                        #bind { #inner }
                        path.pop();
                    }
                });
            }
        }
        TyKind::Map {
            key,
            value: val,
            sparse,
        } => {
            // A key's violation is reported at the map's own path.
            if let Some(inner) = checks(key, quote! { k }, sensitive, types) {
                out.push(quote! { for k in #x.keys() { #inner } });
            }
            if let Some(inner) = checks(val, quote! { item }, sensitive, types) {
                let bind = if *sparse {
                    quote! { if let ::core::option::Option::Some(item) = item }
                } else {
                    quote! { if true }
                };
                out.push(quote! {
                    for (k, item) in #x.iter() {
                        path.push(PathSeg::Key(::ingot_rt::json::JsonKey::as_key(k).to_owned()));
                        #bind { #inner }
                        path.pop();
                    }
                });
            }
        }
        _ => {}
    }
    if out.is_empty() {
        None
    } else {
        Some(quote! { { #(#out)* } })
    }
}

fn opt_u64(v: Option<u64>) -> TokenStream {
    match v {
        Some(n) => quote! { ::core::option::Option::Some(#n) },
        None => quote! { ::core::option::Option::None },
    }
}

fn opt_text(v: Option<&serde_json::Number>) -> TokenStream {
    match v {
        Some(n) => {
            let text = n.to_string();
            quote! { ::core::option::Option::Some(::std::string::String::from(#text)) }
        }
        None => quote! { ::core::option::Option::None },
    }
}
