//! A case's `params` (an IR [`Value`]) as a Rust expression building the typed value through
//! the public API of the types crate: builders, enum `From` impls, runtime constructors.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::emit::tokens::{ident, prefixed};
use crate::ir::protocol_tests::Value;
use crate::ir::{RustIdent, TyKind, TypePath};

/// `::<types crate>::<module>::<Name>`.
pub fn type_path(types: &Ident, p: &TypePath) -> TokenStream {
    crate::emit::tokens::qualified(types, p)
}

/// The expression for `value`.
pub fn value_expr(types: &Ident, value: &Value) -> TokenStream {
    match value {
        Value::Bool(b) => quote! { #b },
        Value::Int(kind, n) => int_literal(kind, *n),
        Value::Float(kind, text) => float_expr(kind, text),
        Value::String(s) => quote! { ::std::string::String::from(#s) },
        Value::Blob(bytes) => {
            let lit = Literal::byte_string(bytes);
            quote! { ::ingot_rt::Blob::new(#lit.to_vec()) }
        }
        Value::Timestamp(text) => quote! {
            ::ingot_rt::DateTime::from_str(#text, ::ingot_rt::TimestampFormat::EpochSeconds)
                .expect("the case's timestamp")
        },
        Value::BigInteger(text) => {
            quote! { #text.parse::<::ingot_rt::BigInteger>().expect("the case's big integer") }
        }
        Value::BigDecimal(text) => {
            quote! { #text.parse::<::ingot_rt::BigDecimal>().expect("the case's big decimal") }
        }
        Value::Document(json) => quote! {
            ::ingot_rt::json::read_document(
                &::ingot_rt::__private::serde_json::from_str::<::ingot_rt::json::Value>(#json)
                    .expect("the case's document"),
            )
        },
        Value::Structure {
            path,
            fallible,
            members,
        } => {
            let ty = type_path(types, path);
            let setters = members
                .iter()
                .map(|(name, v)| member_setter(types, name, v));
            let build = if *fallible {
                quote! { .build().expect("the case's params set every required member") }
            } else {
                quote! { .build() }
            };
            quote! { #ty::builder() #(#setters)* #build }
        }
        Value::Union {
            path,
            variant,
            value,
            boxed,
        } => {
            let ty = type_path(types, path);
            let variant = ident(variant);
            match value {
                None => quote! { #ty::#variant },
                Some(v) => {
                    let v = value_expr(types, v);
                    if *boxed {
                        quote! { #ty::#variant(::std::boxed::Box::new(#v)) }
                    } else {
                        quote! { #ty::#variant(#v) }
                    }
                }
            }
        }
        Value::Enum(path, v) => {
            let ty = type_path(types, path);
            quote! { #ty::from(#v) }
        }
        Value::IntEnum(path, n) => {
            let ty = type_path(types, path);
            let n = Literal::i32_suffixed(*n);
            quote! { #ty::from(#n) }
        }
        Value::List { sparse, items } => {
            let items = items
                .iter()
                .map(|item| item_expr(types, item.as_ref(), *sparse));
            quote! { ::std::vec![#(#items),*] }
        }
        Value::Map { sparse, entries } => {
            if entries.is_empty() {
                return quote! { ::std::collections::HashMap::new() };
            }
            let entries = entries.iter().map(|(k, v)| {
                let k = value_expr(types, k);
                let v = item_expr(types, v.as_ref(), *sparse);
                quote! { (#k, #v) }
            });
            quote! { ::std::collections::HashMap::from([#(#entries),*]) }
        }
    }
}

/// `.name(value)` on a builder (a structure's or the client's fluent one); a whole list or map
/// goes through `set_*`, as the plain setter appends one item or entry.
pub fn member_setter(types: &Ident, name: &RustIdent, v: &Value) -> TokenStream {
    let expr = value_expr(types, v);
    if matches!(v, Value::List { .. } | Value::Map { .. }) {
        let set = prefixed("set", name);
        quote! { .#set(::core::option::Option::Some(::core::convert::Into::into(#expr))) }
    } else {
        let setter = ident(name);
        quote! { .#setter(#expr) }
    }
}

/// A list item or map value: wrapped in `Option` when the collection is sparse.
fn item_expr(types: &Ident, item: Option<&Value>, sparse: bool) -> TokenStream {
    match (item, sparse) {
        (Some(v), false) => value_expr(types, v),
        (Some(v), true) => {
            let v = value_expr(types, v);
            quote! { ::core::option::Option::Some(#v) }
        }
        (None, _) => quote! { ::core::option::Option::None },
    }
}

/// A suffixed integer literal (the IR checked that `n` fits the kind); a negative value is the
/// negation of its magnitude (a literal token has no sign).
fn int_literal(kind: &TyKind, n: i64) -> TokenStream {
    let suffix = match kind {
        TyKind::Byte => "i8",
        TyKind::Short => "i16",
        TyKind::Integer => "i32",
        _ => "i64",
    };
    let magnitude: TokenStream = format!("{}{suffix}", n.unsigned_abs())
        .parse()
        .unwrap_or_default();
    if n < 0 {
        quote! { -#magnitude }
    } else {
        magnitude
    }
}

fn float_expr(kind: &TyKind, text: &str) -> TokenStream {
    let ty = match kind {
        TyKind::Float => quote! { f32 },
        _ => quote! { f64 },
    };
    match text {
        "NaN" => quote! { #ty::NAN },
        "Infinity" => quote! { #ty::INFINITY },
        "-Infinity" => quote! { #ty::NEG_INFINITY },
        // The text is a JSON number, so it parses; the literal keeps its exact digits.
        _ => {
            let x: f64 = text.parse().unwrap_or_default();
            let lit = match kind {
                TyKind::Float => Literal::f32_suffixed((x as f32).abs()),
                _ => Literal::f64_suffixed(x.abs()),
            };
            if x.is_sign_negative() {
                quote! { -#lit }
            } else {
                quote! { #lit }
            }
        }
    }
}
