//! Open enums (string `enum` and `intEnum`): known variants plus an `Unknown` that keeps the value.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{deprecated, doc_line, docs, ident};
use crate::ir::{EnumVariant, TypeDef};

const FORWARD_COMPAT: &str =
    "The service may add values at any time: match with a wildcard arm (`_ => ...`) or \
compare `as_str()` so new values do not break your code. Unknown values are kept in `Unknown` and \
round-trip unchanged.";

/// A string enum.
pub fn string_enum(def: &TypeDef, variants: &[EnumVariant<String>]) -> TokenStream {
    let name = ident(&def.path.name);
    let label = &def.path.name.name;
    let doc = docs(def.docs.as_deref());
    let note = doc_line(FORWARD_COMPAT);
    let dep = deprecated(def.deprecated.as_ref());
    let decls = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let doc = if v.docs.is_some() {
            docs(v.docs.as_deref())
        } else {
            doc_line(&format!("`{}`", v.value))
        };
        let dep = deprecated(v.deprecated.as_ref());
        quote! { #doc #dep #var, }
    });
    let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
    let to_str = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let value = &v.value;
        quote! { Self::#var => #value, }
    });
    let from_str = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let value = &v.value;
        quote! { #value => Self::#var, }
    });
    let unknown_doc = doc_line(
        "A value this version of the crate does not know; `as_str()` returns it unchanged.",
    );
    let values_doc = doc_line("Every value this version of the crate knows, in model order.");
    let default_doc = doc_line(
        "The zero value: an empty unknown value (used to error-correct a missing required member).",
    );
    quote! {
        #doc
        #[doc = ""]
        #note
        #dep
        #[non_exhaustive]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord)]
        pub enum #name {
            #(#decls)*
            #unknown_doc
            Unknown(::ingot_rt::UnknownVariantValue),
        }
        impl #name {
            #values_doc
            pub const VALUES: &'static [&'static str] = &[#(#values),*];
            /// Every value this version of the crate knows, in model order (the SDK's name for [`Self::VALUES`]).
            pub const fn values() -> &'static [&'static str] {
                Self::VALUES
            }
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// Parses a known value; unknown values are an error (use `From<&str>` to keep them).
            pub fn try_parse(value: &str) -> ::core::result::Result<Self, ::ingot_rt::UnknownEnumValue> {
                match Self::from(value) {
                    Self::Unknown(_) => ::core::result::Result::Err(::ingot_rt::UnknownEnumValue::new(#label, value.to_owned())),
                    known => ::core::result::Result::Ok(known),
                }
            }
        }
        impl ::core::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::Unknown(::ingot_rt::UnknownVariantValue::new(other.to_owned())),
                }
            }
        }
        impl ::core::str::FromStr for #name {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }
        impl ::core::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::core::default::Default for #name {
            #default_doc
            fn default() -> Self {
                Self::Unknown(::ingot_rt::UnknownVariantValue::new(::std::string::String::new()))
            }
        }
        impl ::ingot_rt::json::JsonKey for #name {
            fn from_key(key: &str) -> Self {
                Self::from(key)
            }
            fn as_key(&self) -> &str {
                self.as_str()
            }
        }
        impl ::ingot_rt::json::WriteJson for #name {
            fn write_json(&self, w: &mut ::ingot_rt::json::JsonWriter) {
                w.string(self.as_str());
            }
        }
        impl ::ingot_rt::json::ReadJson for #name {
            fn read_json(v: &::ingot_rt::json::Value, cx: &mut ::ingot_rt::json::ReadCx) -> ::core::result::Result<Self, ::ingot_rt::json::JsonError> {
                match v {
                    ::ingot_rt::json::Value::String(s) => ::core::result::Result::Ok(Self::from(s.as_str())),
                    _ => ::core::result::Result::Err(cx.error("expected a string")),
                }
            }
        }
    }
}

/// An intEnum.
pub fn int_enum(def: &TypeDef, variants: &[EnumVariant<i32>]) -> TokenStream {
    let name = ident(&def.path.name);
    let label = &def.path.name.name;
    let doc = docs(def.docs.as_deref());
    let note = doc_line(FORWARD_COMPAT);
    let dep = deprecated(def.deprecated.as_ref());
    let decls = variants.iter().map(|v| {
        let var = ident(&v.rust_name);
        let doc = if v.docs.is_some() {
            docs(v.docs.as_deref())
        } else {
            doc_line(&format!("`{}`", v.value))
        };
        let dep = deprecated(v.deprecated.as_ref());
        quote! { #doc #dep #var, }
    });
    let values: Vec<Literal> = variants
        .iter()
        .map(|v| Literal::i32_unsuffixed(v.value))
        .collect();
    let vars: Vec<_> = variants.iter().map(|v| ident(&v.rust_name)).collect();
    quote! {
        #doc
        #[doc = ""]
        #note
        #dep
        #[non_exhaustive]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord)]
        pub enum #name {
            #(#decls)*
            /// A value this version of the crate does not know; `value()` returns it unchanged.
            Unknown(::ingot_rt::UnknownIntVariantValue),
        }
        impl #name {
            /// Every value this version of the crate knows, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];
            /// Every value this version of the crate knows, in model order (the SDK's name for [`Self::VALUES`]).
            pub const fn values() -> &'static [i32] {
                Self::VALUES
            }
            /// The value as sent on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #(Self::#vars => #values,)*
                    Self::Unknown(value) => value.value(),
                }
            }
            /// Parses a known value; unknown values are an error (use `From<i32>` to keep them).
            pub fn try_parse(value: i32) -> ::core::result::Result<Self, ::ingot_rt::UnknownEnumValue> {
                match Self::from(value) {
                    Self::Unknown(_) => ::core::result::Result::Err(::ingot_rt::UnknownEnumValue::new(#label, value.to_string())),
                    known => ::core::result::Result::Ok(known),
                }
            }
        }
        impl ::core::convert::From<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#vars,)*
                    other => Self::Unknown(::ingot_rt::UnknownIntVariantValue::new(other)),
                }
            }
        }
        impl ::core::default::Default for #name {
            /// The zero value: an unknown `0` (used to error-correct a missing required member).
            fn default() -> Self {
                Self::from(0)
            }
        }
        impl ::ingot_rt::json::WriteJson for #name {
            fn write_json(&self, w: &mut ::ingot_rt::json::JsonWriter) {
                w.i64(i64::from(self.value()));
            }
        }
        impl ::ingot_rt::json::ReadJson for #name {
            fn read_json(v: &::ingot_rt::json::Value, cx: &mut ::ingot_rt::json::ReadCx) -> ::core::result::Result<Self, ::ingot_rt::json::JsonError> {
                <i32 as ::ingot_rt::json::ReadJson>::read_json(v, cx).map(Self::from)
            }
        }
    }
}
