//! Structures (data, errors, operation inputs and outputs): the type, its builder, a redacting
//! `Debug` where needed, and the error traits for error shapes.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::tokens::{boxed_type, deprecated, doc_line, docs, ident, or_default, prefixed};
use crate::ir::{ErrorInfo, MemberIr, StructureIr, TypeDef};

/// The structure type and its impls; the builder goes to the module's `builders`.
pub fn structure(def: &TypeDef, s: &StructureIr) -> (TokenStream, TokenStream) {
    let name = ident(&def.path.name);
    let doc = docs(def.docs.as_deref());
    let dep = deprecated(def.deprecated.as_ref());
    let builder_name = format_ident!("{}Builder", def.path.name.name);
    let redacts = def.sensitive || s.members.iter().any(|m| m.sensitive);
    let derive_debug = (!redacts).then(|| quote! { ::core::fmt::Debug, });
    let fields = s.members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let ty = field_type(m);
        let doc = docs(m.docs.as_deref());
        let dep = deprecated(m.deprecated.as_ref());
        quote! { #doc #dep pub #field: #ty, }
    });
    // Error structures carry the response's metadata, as the SDK's do (set by the client).
    let meta_field = s
        .error
        .is_some()
        .then(|| quote! { pub(crate) meta: ::ingot_rt::error::ErrorMetadata, });
    let debug = redacts.then(|| debug_impl(&name, &def.path.name.name, &s.members, def.sensitive));
    let error = s.error.as_ref().map(|e| error_impls(def, e, s));
    let builder_link = doc_line(&format!(
        "Creates a builder for [`{}`].",
        def.path.name.name
    ));
    let ty = quote! {
        #doc
        #dep
        #[non_exhaustive]
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default, #derive_debug)]
        pub struct #name { #(#fields)* #meta_field }
        impl #name {
            #builder_link
            pub fn builder() -> builders::#builder_name {
                ::core::default::Default::default()
            }
        }
        #debug
        #error
    };
    (ty, builder(def, s, &builder_name, redacts))
}

/// The field's type: `Option` unless required or defaulted, `Box` where the shape recurses.
pub fn field_type(m: &MemberIr) -> TokenStream {
    let inner = boxed_type(&m.ty, m.boxed);
    if m.optional {
        quote! { ::core::option::Option<#inner> }
    } else {
        inner
    }
}

fn builder(
    def: &TypeDef,
    s: &StructureIr,
    builder_name: &proc_macro2::Ident,
    redacts: bool,
) -> TokenStream {
    let target = ident(&def.path.name);
    let target_name = &def.path.name.name;
    let doc = doc_line(&format!(
        "A builder for [`{target_name}`](super::{target_name})."
    ));
    let derive_debug = (!redacts).then(|| quote! { ::core::fmt::Debug, });
    let fields = s.members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let ty = boxed_type(&m.ty, m.boxed);
        quote! { #field: ::core::option::Option<#ty>, }
    });
    let methods = s.members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let set = prefixed("set", &m.rust_name);
        let get = prefixed("get", &m.rust_name);
        let ty = boxed_type(&m.ty, m.boxed);
        // Setters link to the field instead of repeating its (often long) documentation.
        let doc = doc_line(&format!(
            "Sets [`{0}`](super::{target_name}::{0}).",
            m.rust_name.name
        ));
        let see = doc_line(&format!(
            "Sets or unsets [`{0}`](super::{target_name}::{0}).",
            m.rust_name.name
        ));
        let get_doc = doc_line(&format!(
            "The value set for [`{0}`](super::{target_name}::{0}), if any.",
            m.rust_name.name
        ));
        let dep = deprecated(m.deprecated.as_ref());
        quote! {
            #doc
            #dep
            pub fn #field(mut self, input: impl ::core::convert::Into<#ty>) -> Self {
                self.#field = ::core::option::Option::Some(input.into());
                self
            }
            #see
            #dep
            pub fn #set(mut self, input: ::core::option::Option<#ty>) -> Self {
                self.#field = input;
                self
            }
            #get_doc
            #dep
            pub fn #get(&self) -> &::core::option::Option<#ty> {
                &self.#field
            }
        }
    });
    let values = s.members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let wire = &m.wire_name;
        let value = if m.optional {
            quote! { self.#field }
        } else if let Some(d) = &m.default {
            or_default(quote! { self.#field }, d, &m.ty)
        } else {
            quote! { self.#field.ok_or_else(|| ::ingot_rt::BuildError::missing_field(#target_name, #wire))? }
        };
        quote! { #field: #value, }
    });
    let (meta_field, meta_methods, meta_value) = error_builder_meta(s);
    let build = if s.fallible_build {
        let doc = doc_line(&format!("Builds [`{target_name}`](super::{target_name}); fails naming the first required member that was not set."));
        quote! {
            #doc
            pub fn build(self) -> ::core::result::Result<super::#target, ::ingot_rt::BuildError> {
                ::core::result::Result::Ok(super::#target { #(#values)* #meta_value })
            }
        }
    } else {
        let doc = doc_line(&format!("Builds [`{target_name}`](super::{target_name})."));
        quote! {
            #doc
            pub fn build(self) -> super::#target {
                super::#target { #(#values)* #meta_value }
            }
        }
    };
    let debug = redacts.then(|| {
        let members: Vec<MemberIr> = s
            .members
            .iter()
            .map(|m| MemberIr {
                optional: true,
                ..m.clone()
            })
            .collect();
        debug_impl(
            builder_name,
            &builder_name.to_string(),
            &members,
            def.sensitive,
        )
    });
    quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default, #derive_debug)]
        pub struct #builder_name { #(#fields)* #meta_field }
        impl #builder_name {
            #(#methods)*
            #meta_methods
            #build
        }
        #debug
    }
}

/// The metadata field, its setters and its value in `build()` of an error structure's builder
/// (the SDK's `meta` / `set_meta`); nothing for other structures.
fn error_builder_meta(s: &StructureIr) -> (TokenStream, TokenStream, TokenStream) {
    if s.error.is_none() {
        return Default::default();
    }
    (
        quote! { meta: ::ingot_rt::error::ErrorMetadata, },
        quote! {
            /// Sets the error's metadata (code, message, request id).
            pub fn meta(mut self, meta: ::ingot_rt::error::ErrorMetadata) -> Self {
                self.meta = meta;
                self
            }
            /// Sets or clears the error's metadata.
            pub fn set_meta(mut self, meta: ::core::option::Option<::ingot_rt::error::ErrorMetadata>) -> Self {
                self.meta = meta.unwrap_or_default();
                self
            }
        },
        quote! { meta: self.meta, },
    )
}

/// A `Debug` that prints `*** Sensitive Data Redacted ***` for sensitive members (or all of them).
fn debug_impl(
    name: &proc_macro2::Ident,
    label: &str,
    members: &[MemberIr],
    all: bool,
) -> TokenStream {
    let fields = members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let key = &m.rust_name.name;
        if all || m.sensitive {
            quote! { s.field(#key, &::ingot_rt::redact::Redacted); }
        } else {
            quote! { s.field(#key, &self.#field); }
        }
    });
    let binding = if members.is_empty() {
        quote! { let s = }
    } else {
        quote! { let mut s = }
    };
    quote! {
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #binding f.debug_struct(#label);
                #(#fields)*
                s.finish()
            }
        }
    }
}

fn error_impls(def: &TypeDef, e: &ErrorInfo, s: &StructureIr) -> TokenStream {
    let name = ident(&def.path.name);
    let code = &def.wire_name;
    let status = e.status;
    let message = match &e.message_field {
        Some(field) => {
            let optional = s
                .members
                .iter()
                .any(|m| &m.rust_name == field && m.optional);
            let f = ident(field);
            if optional {
                quote! { self.#f.as_deref() }
            } else {
                quote! { ::core::option::Option::Some(self.#f.as_str()) }
            }
        }
        None => quote! { ::core::option::Option::None },
    };
    let fault = match e.fault {
        crate::ir::ErrorFault::Client => "client",
        crate::ir::ErrorFault::Server => "server",
    };
    let code_doc = doc_line("The error code on the wire: the error shape's name.");
    let status_doc = doc_line(&format!(
        "The HTTP status a server answers with (a {fault} error)."
    ));
    let message_doc = doc_line("The human-readable message, if the error carries one.");
    quote! {
        impl #name {
            #code_doc
            pub const CODE: &'static str = #code;
            #status_doc
            pub const STATUS: u16 = #status;
            #message_doc
            pub fn message(&self) -> ::core::option::Option<&str> {
                #message
            }
        }
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(Self::CODE)?;
                if let ::core::option::Option::Some(message) = self.message() {
                    f.write_str(": ")?;
                    f.write_str(message)?;
                }
                ::core::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for #name {}
        impl ::ingot_rt::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &::ingot_rt::error::ErrorMetadata {
                &self.meta
            }
        }
        impl ::ingot_rt::error::RequestId for #name {
            fn request_id(&self) -> ::core::option::Option<&str> {
                self.meta.request_id()
            }
        }
        impl ::ingot_rt::error::ModeledError for #name {
            fn set_meta(&mut self, meta: ::ingot_rt::error::ErrorMetadata) {
                self.meta = meta;
            }
        }
    }
}
