//! The awsJson codec of structures: members by their exact model names, unset members omitted,
//! unknown keys skipped, nulls read as absent, missing required members error-corrected and recorded.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::tokens::{boxed_type, ident, or_default};
use crate::ir::{MemberIr, Module, StructureIr, TimestampFormat, TyKind, TypeDef};

/// `WriteJson` and `ReadJson` for a structure.
pub fn structure_codec(def: &TypeDef, s: &StructureIr) -> TokenStream {
    let name = ident(&def.path.name);
    // Only servers read operation inputs: they populate the defaults of members left out.
    // Fields that come from the response rather than the body: an error's metadata, an
    // output's request id (both set by the client).
    let from_response = if s.error.is_some() {
        quote! { meta: ::core::default::Default::default(), }
    } else if def.path.module == Module::Output {
        quote! { _request_id: ::core::option::Option::None, }
    } else {
        TokenStream::new()
    };
    let read = read_body(&s.members, def.path.module == Module::Input, &from_response);
    let write = write_body(&s.members);
    quote! {
        impl ::ingot_rt::json::WriteJson for #name {
            fn write_json(&self, w: &mut ::ingot_rt::json::JsonWriter) {
                #write
            }
        }
        impl ::ingot_rt::json::ReadJson for #name {
            fn read_json(v: &::ingot_rt::json::Value, cx: &mut ::ingot_rt::json::ReadCx) -> ::core::result::Result<Self, ::ingot_rt::json::JsonError> {
                #read
            }
        }
    }
}

fn format_tokens(f: TimestampFormat) -> TokenStream {
    match f {
        TimestampFormat::EpochSeconds => quote! { ::ingot_rt::TimestampFormat::EpochSeconds },
        TimestampFormat::DateTime => quote! { ::ingot_rt::TimestampFormat::DateTime },
        TimestampFormat::HttpDate => quote! { ::ingot_rt::TimestampFormat::HttpDate },
    }
}

/// A timestamp member in a format other than the protocol default needs the explicit writer/reader.
fn explicit_format(m: &MemberIr) -> Option<TimestampFormat> {
    match m.ty.kind {
        TyKind::Timestamp(f) if f != TimestampFormat::EpochSeconds => Some(f),
        _ => None,
    }
}

fn write_body(members: &[MemberIr]) -> TokenStream {
    if members.is_empty() {
        return quote! { w.object().end(); };
    }
    let writes = members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let wire = &m.wire_name;
        let write_value = match explicit_format(m) {
            Some(f) => {
                let f = format_tokens(f);
                quote! { o.key(#wire).timestamp(value, #f); }
            }
            None => quote! { ::ingot_rt::json::WriteJson::write_json(value, o.key(#wire)); },
        };
        if m.optional {
            quote! {
                if let ::core::option::Option::Some(value) = &self.#field {
                    #write_value
                }
            }
        } else {
            quote! {
                {
                    let value = &self.#field;
                    #write_value
                }
            }
        }
    });
    quote! {
        let mut o = w.object();
        #(#writes)*
        o.end();
    }
}

/// `populate_defaults`: fill defaulted members left out (servers reading inputs); `meta`: the
/// initializers of the fields the body does not hold.
fn read_body(members: &[MemberIr], populate_defaults: bool, meta: &TokenStream) -> TokenStream {
    if members.is_empty() {
        return quote! {
            cx.expect_object(v)?;
            ::core::result::Result::Ok(Self { #meta })
        };
    }
    let locals: Vec<_> = members
        .iter()
        .map(|m| format_ident!("m_{}", m.rust_name.name))
        .collect();
    let decls = members.iter().zip(&locals).map(|(m, local)| {
        let ty = boxed_type(&m.ty, m.boxed);
        quote! { let mut #local: ::core::option::Option<#ty> = ::core::option::Option::None; }
    });
    let arms = members.iter().zip(&locals).map(|(m, local)| {
        let wire = &m.wire_name;
        match explicit_format(m) {
            Some(f) => {
                let f = format_tokens(f);
                quote! { #wire => #local = cx.timestamp_member(#wire, value, #f)?, }
            }
            None => quote! { #wire => #local = cx.member(#wire, value)?, },
        }
    });
    let inits = members.iter().zip(&locals).map(|(m, local)| {
        let field = ident(&m.rust_name);
        let wire = &m.wire_name;
        let value = if let (true, true, Some(d)) = (m.optional, populate_defaults, &m.default) {
            let filled = or_default(quote! { #local }, d, &m.ty);
            quote! { ::core::option::Option::Some(#filled) }
        } else if m.optional && m.required {
            quote! { cx.required_optional(#local, #wire) }
        } else if m.optional {
            quote! { #local }
        } else if let Some(d) = &m.default {
            or_default(quote! { #local }, d, &m.ty)
        } else {
            quote! { cx.required(#local, #wire) }
        };
        quote! { #field: #value, }
    });
    quote! {
        let object = cx.expect_object(v)?;
        #(#decls)*
        for (key, value) in object {
            match key.as_str() {
                #(#arms)*
                _ => {}
            }
        }
        ::core::result::Result::Ok(Self { #(#inits)* #meta })
    }
}
