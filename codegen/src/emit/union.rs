//! Unions: one variant per member, `Unknown` for members this version does not know.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{boxed_type, deprecated, doc_line, docs, ident, prefixed};
use crate::ir::{MemberIr, TyKind, TypeDef};

/// A union type with its accessors, `Debug` and JSON codec.
pub fn union(def: &TypeDef, variants: &[MemberIr]) -> TokenStream {
    let name = ident(&def.path.name);
    let label = &def.path.name.name;
    let doc = docs(def.docs.as_deref());
    let dep = deprecated(def.deprecated.as_ref());
    let redacts = def.sensitive || variants.iter().any(|v| v.sensitive);
    let derive_debug = (!redacts).then(|| quote! { ::core::fmt::Debug, });
    let decls = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let doc = docs(v.docs.as_deref());
        let dep = deprecated(v.deprecated.as_ref());
        if v.ty.kind == TyKind::Unit {
            quote! { #doc #dep #var, }
        } else {
            let ty = boxed_type(&v.ty, v.boxed);
            quote! { #doc #dep #var(#ty), }
        }
    });
    let accessors = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let as_fn = prefixed("as", &v.snake_name);
        let is_fn = prefixed("is", &v.snake_name);
        let doc = doc_line(&format!("The value if this is [`{label}::{}`], else `Err(self)`.", v.rust_name.name));
        let is_doc = doc_line(&format!("True if this is [`{label}::{}`].", v.rust_name.name));
        let (as_fn, is_fn) = if v.ty.kind == TyKind::Unit {
            (
                quote! {
                    pub fn #as_fn(&self) -> ::core::result::Result<&(), &Self> {
                        if let Self::#var = self { ::core::result::Result::Ok(&()) } else { ::core::result::Result::Err(self) }
                    }
                },
                quote! { pub fn #is_fn(&self) -> bool { ::core::matches!(self, Self::#var) } },
            )
        } else {
            let ty = boxed_type(&v.ty, v.boxed);
            (
                quote! {
                    pub fn #as_fn(&self) -> ::core::result::Result<&#ty, &Self> {
                        if let Self::#var(value) = self { ::core::result::Result::Ok(value) } else { ::core::result::Result::Err(self) }
                    }
                },
                quote! { pub fn #is_fn(&self) -> bool { ::core::matches!(self, Self::#var(_)) } },
            )
        };
        quote! {
            #doc
            #as_fn
            #is_doc
            #is_fn
        }
    });
    let debug = redacts.then(|| {
        let arms = variants.iter().map(|v| {
            let var = ident(&v.rust_name);
            let key = &v.rust_name.name;
            match (v.ty.kind == TyKind::Unit, def.sensitive || v.sensitive) {
                (true, _) => quote! { Self::#var => f.write_str(#key), },
                (false, true) => quote! { Self::#var(_) => f.debug_tuple(#key).field(&::ingot_rt::redact::Redacted).finish(), },
                (false, false) => quote! { Self::#var(value) => f.debug_tuple(#key).field(value).finish(), },
            }
        });
        quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        #(#arms)*
                        Self::Unknown => f.write_str("Unknown"),
                    }
                }
            }
        }
    });
    let write_arms = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let wire = &v.wire_name;
        if v.ty.kind == TyKind::Unit {
            quote! { Self::#var => o.key(#wire).object().end(), }
        } else {
            quote! { Self::#var(value) => ::ingot_rt::json::WriteJson::write_json(value, o.key(#wire)), }
        }
    });
    let read_arms = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let wire = &v.wire_name;
        if v.ty.kind == TyKind::Unit {
            quote! { #wire => Self::#var, }
        } else {
            let ty = boxed_type(&v.ty, v.boxed);
            quote! {
                #wire => match cx.member::<#ty>(#wire, value)? {
                    ::core::option::Option::Some(value) => Self::#var(value),
                    ::core::option::Option::None => continue,
                },
            }
        }
    });
    let unknown_doc = doc_line(
        "A member this version of the crate does not know (clients keep going; it cannot be sent).",
    );
    quote! {
        #doc
        #dep
        #[non_exhaustive]
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq, #derive_debug)]
        pub enum #name {
            #(#decls)*
            #unknown_doc
            Unknown,
        }
        impl #name {
            #(#accessors)*
            /// True for a member this version of the crate does not know.
            pub fn is_unknown(&self) -> bool {
                ::core::matches!(self, Self::Unknown)
            }
        }
        impl ::core::default::Default for #name {
            /// The zero value, `Unknown` (used to error-correct a missing required member).
            fn default() -> Self {
                Self::Unknown
            }
        }
        #debug
        impl ::ingot_rt::json::WriteJson for #name {
            /// `Unknown` is written as `{}`, which servers reject: it cannot be sent.
            fn write_json(&self, w: &mut ::ingot_rt::json::JsonWriter) {
                let mut o = w.object();
                match self {
                    #(#write_arms)*
                    Self::Unknown => {}
                }
                o.end();
            }
        }
        impl ::ingot_rt::json::ReadJson for #name {
            fn read_json(v: &::ingot_rt::json::Value, cx: &mut ::ingot_rt::json::ReadCx) -> ::core::result::Result<Self, ::ingot_rt::json::JsonError> {
                let object = cx.expect_object(v)?;
                let mut found: ::core::option::Option<Self> = ::core::option::Option::None;
                for (key, value) in object {
                    // `__type` and null members are not variants (awsJson union rules).
                    if key == "__type" || value.is_null() {
                        continue;
                    }
                    if found.is_some() {
                        return ::core::result::Result::Err(cx.error("a union must have exactly one member set"));
                    }
                    found = ::core::option::Option::Some(match key.as_str() {
                        #(#read_arms)*
                        _ => Self::Unknown,
                    });
                }
                found.ok_or_else(|| cx.error("a union must have exactly one member set"))
            }
        }
    }
}
