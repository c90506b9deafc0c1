//! Small token helpers shared by the emitters: identifiers, docs, attributes, Rust types, defaults.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{DefaultValue, Deprecated, Module, NamedKind, RustIdent, Ty, TyKind, TypePath};

/// The one place an IR name becomes a token; raw identifiers stay raw.
pub fn ident(name: &RustIdent) -> Ident {
    if name.raw {
        Ident::new_raw(&name.name, Span::call_site())
    } else {
        Ident::new(&name.name, Span::call_site())
    }
}

/// `prefix_name`, e.g. `set_type` for the field `r#type`.
pub fn prefixed(prefix: &str, name: &RustIdent) -> Ident {
    format_ident!("{}_{}", prefix, name.name.trim_end_matches('_'))
}

/// One `#[doc = "..."]` per line (prettyplease prints them as `///`).
pub fn docs(text: Option<&str>) -> TokenStream {
    let Some(text) = text else {
        return TokenStream::new();
    };
    let lines = text.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

/// A doc line of our own.
pub fn doc_line(text: &str) -> TokenStream {
    let line = format!(" {text}");
    quote! { #[doc = #line] }
}

/// `#[deprecated(..)]` from `@deprecated`.
pub fn deprecated(d: Option<&Deprecated>) -> TokenStream {
    let Some(d) = d else {
        return TokenStream::new();
    };
    // Smithy's `since` is a date or model version, not the semver rustc expects, so it goes in the note.
    let note = match (&d.message, &d.since) {
        (Some(m), Some(s)) => format!("{m} (deprecated since {s})"),
        (Some(m), None) => m.clone(),
        (None, Some(s)) => format!("deprecated since {s}"),
        (None, None) => return quote! { #[deprecated] },
    };
    quote! { #[deprecated(note = #note)] }
}

/// `crate::<module path>::<Name>`.
pub fn path(p: &TypePath) -> TokenStream {
    let module = module_path(p.module);
    let name = ident(&p.name);
    quote! { crate::#module::#name }
}

/// A module's path from the types crate's root, e.g. `types::error`.
pub fn module_path(m: Module) -> TokenStream {
    let segments = m.path().iter().map(|s| format_ident!("{s}"));
    quote! { #(#segments)::* }
}

/// `::<types crate>::<module path>::<Name>`, from the client and server crates.
pub fn qualified(types: &Ident, p: &TypePath) -> TokenStream {
    let module = module_path(p.module);
    let name = ident(&p.name);
    quote! { ::#types::#module::#name }
}

/// The Rust type of a value (without `Option` or `Box`).
pub fn rust_type(ty: &Ty) -> TokenStream {
    match &ty.kind {
        TyKind::Blob => quote! { ::ingot_rt::Blob },
        TyKind::Boolean => quote! { bool },
        TyKind::Byte => quote! { i8 },
        TyKind::Short => quote! { i16 },
        TyKind::Integer => quote! { i32 },
        TyKind::Long => quote! { i64 },
        TyKind::Float => quote! { f32 },
        TyKind::Double => quote! { f64 },
        TyKind::BigInteger => quote! { ::ingot_rt::BigInteger },
        TyKind::BigDecimal => quote! { ::ingot_rt::BigDecimal },
        TyKind::String => quote! { ::std::string::String },
        TyKind::Timestamp(_) => quote! { ::ingot_rt::DateTime },
        TyKind::Document => quote! { ::ingot_rt::Document },
        TyKind::Named(p, _) => path(p),
        TyKind::List { member, sparse } => {
            let item = item_type(member, *sparse);
            quote! { ::std::vec::Vec<#item> }
        }
        TyKind::Map { key, value, sparse } => {
            let k = rust_type(key);
            let v = item_type(value, *sparse);
            quote! { ::std::collections::HashMap<#k, #v> }
        }
        TyKind::Unit => quote! { () },
    }
}

/// A list item or map value type: `Option<T>` in sparse collections.
pub fn item_type(ty: &Ty, sparse: bool) -> TokenStream {
    let t = rust_type(ty);
    if sparse {
        quote! { ::core::option::Option<#t> }
    } else {
        t
    }
}

/// The value type with `Box` applied (what a builder holds inside its `Option`).
pub fn boxed_type(ty: &Ty, boxed: bool) -> TokenStream {
    let t = rust_type(ty);
    if boxed {
        quote! { ::std::boxed::Box<#t> }
    } else {
        t
    }
}

/// `option` with its `@default` filled in when unset.
pub fn or_default(option: TokenStream, value: &DefaultValue, ty: &Ty) -> TokenStream {
    match value {
        DefaultValue::EmptyList | DefaultValue::EmptyMap => quote! { #option.unwrap_or_default() },
        _ => {
            let d = default_expr(value, ty);
            quote! { #option.unwrap_or_else(|| #d) }
        }
    }
}

/// The expression for a `@default` value of type `ty`.
pub fn default_expr(value: &DefaultValue, ty: &Ty) -> TokenStream {
    let ty_tokens = rust_type(ty);
    match (value, &ty.kind) {
        (DefaultValue::Bool(b), _) => quote! { #b },
        (DefaultValue::Int(i), TyKind::Named(_, NamedKind::IntEnum)) => {
            let lit = Literal::i32_suffixed(*i as i32);
            quote! { <#ty_tokens>::from(#lit) }
        }
        (DefaultValue::Int(i), TyKind::Byte) => Literal::i8_suffixed(*i as i8).into_token_stream(),
        (DefaultValue::Int(i), TyKind::Short) => {
            Literal::i16_suffixed(*i as i16).into_token_stream()
        }
        (DefaultValue::Int(i), TyKind::Integer) => {
            Literal::i32_suffixed(*i as i32).into_token_stream()
        }
        (DefaultValue::Int(i), _) => Literal::i64_suffixed(*i).into_token_stream(),
        (DefaultValue::Float(f), TyKind::Float) => {
            Literal::f32_suffixed(*f as f32).into_token_stream()
        }
        (DefaultValue::Float(f), _) => Literal::f64_suffixed(*f).into_token_stream(),
        (DefaultValue::String(s), TyKind::String) => quote! { ::std::string::String::from(#s) },
        (DefaultValue::String(s), _) => quote! { <#ty_tokens>::from(#s) },
        (DefaultValue::Blob(bytes), _) => {
            let bytes = bytes.iter().map(|b| Literal::u8_suffixed(*b));
            quote! { ::ingot_rt::Blob::new(::std::vec![#(#bytes),*]) }
        }
        (DefaultValue::Timestamp(secs), _) => {
            let millis = Literal::i64_suffixed((secs * 1000.0).round() as i64);
            quote! { ::ingot_rt::DateTime::from_millis(#millis) }
        }
        (DefaultValue::EmptyList, _) => quote! { ::std::vec::Vec::new() },
        (DefaultValue::EmptyMap, _) => quote! { ::std::collections::HashMap::new() },
        (DefaultValue::Document(json), _) => quote! {
            ::ingot_rt::json::read_document(
                &::ingot_rt::__private::serde_json::from_str::<::ingot_rt::json::Value>(#json).unwrap_or_default(),
            )
        },
    }
}

trait IntoTokenStream {
    fn into_token_stream(self) -> TokenStream;
}

impl IntoTokenStream for Literal {
    fn into_token_stream(self) -> TokenStream {
        quote! { #self }
    }
}
