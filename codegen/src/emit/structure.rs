//! Structures (data, errors, operation inputs and outputs): the type, its builder, a redacting
//! `Debug` where needed, and the error traits for error shapes.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::tokens::{
    boxed_type, deprecated, doc_line, docs, ident, item_type, or_default, prefixed, rust_type,
};
use crate::ir::{ErrorInfo, MemberIr, Module, StructureIr, Ty, TyKind, TypeDef};

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
    // Outputs carry the response's request id, as the SDK's do (set by the client).
    let is_output = def.path.module == Module::Output;
    let request_id_field =
        is_output.then(|| quote! { _request_id: ::core::option::Option<::std::string::String>, });
    let request_id = is_output.then(|| {
        quote! {
            impl #name {
                /// Sets the request id the response carried (the client does).
                #[doc(hidden)]
                pub fn set_request_id(&mut self, request_id: ::core::option::Option<::std::string::String>) {
                    self._request_id = request_id;
                }
            }
            impl ::ingot_rt::error::RequestId for #name {
                fn request_id(&self) -> ::core::option::Option<&str> {
                    self._request_id.as_deref()
                }
            }
        }
    });
    let debug = redacts.then(|| debug_impl(&name, &def.path.name.name, &s.members, def.sensitive));
    // An error's message has its own accessor (`message()`, whatever the member is called).
    let message = s.error.as_ref().and_then(|e| e.message_field.as_ref());
    let accessors = s
        .members
        .iter()
        .filter(|m| Some(&m.rust_name) != message)
        .map(accessor);
    let required = required_check(def, s);
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
        pub struct #name { #(#fields)* #meta_field #request_id_field }
        impl #name {
            #(#accessors)*
            #builder_link
            pub fn builder() -> builders::#builder_name {
                ::core::default::Default::default()
            }
        }
        #debug
        #error
        #request_id
        #required
    };
    (ty, builder(def, s, &builder_name, redacts))
}

/// The SDK's read accessor of a member: borrowed, `Option` only where the field is, and a slice
/// for lists (empty when absent).
fn accessor(m: &MemberIr) -> TokenStream {
    let field = ident(&m.rust_name);
    let doc = doc_line(&match (&m.ty.kind, m.optional) {
        (TyKind::List { .. }, true) => format!(
            "The `{0}` field; empty when it is not set (`.{0}.is_none()` tells whether it was).",
            m.rust_name.name
        ),
        (_, true) => format!("The `{}` field, if set.", m.rust_name.name),
        (_, false) => format!("The `{}` field.", m.rust_name.name),
    });
    let dep = deprecated(m.deprecated.as_ref());
    let (ret, body) = match (&m.ty.kind, m.optional) {
        (TyKind::String, true) if !m.boxed => (
            quote! { ::core::option::Option<&str> },
            quote! { self.#field.as_deref() },
        ),
        (TyKind::String, false) if !m.boxed => (quote! { &str }, quote! { self.#field.as_str() }),
        (TyKind::List { member, sparse }, optional) if !m.boxed => {
            let item = item_type(member, *sparse);
            let body = if optional {
                quote! { ::ingot_rt::build::list(&self.#field) }
            } else {
                quote! { self.#field.as_slice() }
            };
            (quote! { &[#item] }, body)
        }
        (kind, optional) if is_copy(kind) && !m.boxed => {
            let ty = rust_type(&m.ty);
            if optional {
                (
                    quote! { ::core::option::Option<#ty> },
                    quote! { self.#field },
                )
            } else {
                (ty, quote! { self.#field })
            }
        }
        (_, true) => {
            let ty = rust_type(&m.ty);
            let body = if m.boxed {
                quote! { self.#field.as_deref() }
            } else {
                quote! { self.#field.as_ref() }
            };
            (quote! { ::core::option::Option<&#ty> }, body)
        }
        (_, false) => {
            let ty = rust_type(&m.ty);
            (quote! { &#ty }, quote! { &self.#field })
        }
    };
    quote! {
        #doc
        #dep
        pub fn #field(&self) -> #ret {
            #body
        }
    }
}

/// Numbers and booleans: accessors return them by value.
fn is_copy(kind: &TyKind) -> bool {
    matches!(
        kind,
        TyKind::Boolean
            | TyKind::Byte
            | TyKind::Short
            | TyKind::Integer
            | TyKind::Long
            | TyKind::Float
            | TyKind::Double
    )
}

/// Operation inputs: the client checks their required members before sending (the builder does
/// not, as in the SDK). Idempotency tokens are left out: the client fills them in.
fn required_check(def: &TypeDef, s: &StructureIr) -> Option<TokenStream> {
    if def.path.module != Module::Input {
        return None;
    }
    let name = ident(&def.path.name);
    let label = &def.path.name.name;
    let checks = s
        .members
        .iter()
        .filter(|m| m.required && m.default.is_none() && !m.idempotency_token)
        .map(|m| {
            let field = ident(&m.rust_name);
            let rust = &m.rust_name.name;
            quote! { (#rust, self.#field.is_some()) }
        });
    Some(quote! {
        impl ::ingot_rt::build::RequiredMembers for #name {
            fn check_required(&self) -> ::core::result::Result<(), ::ingot_rt::BuildError> {
                ::ingot_rt::build::require(#label, &[#(#checks),*])
            }
        }
    })
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
        let see = doc_line(&format!(
            "Sets or unsets [`{0}`](super::{target_name}::{0}).",
            m.rust_name.name
        ));
        let get_doc = doc_line(&format!(
            "The value set for [`{0}`](super::{target_name}::{0}), if any.",
            m.rust_name.name
        ));
        let dep = deprecated(m.deprecated.as_ref());
        let add = setter(m, target_name);
        quote! {
            #add
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
        let value = if m.optional {
            quote! { self.#field }
        } else if let Some(d) = &m.default {
            or_default(quote! { self.#field }, d, &m.ty)
        } else {
            let rust = &m.rust_name.name;
            quote! { self.#field.ok_or_else(|| ::ingot_rt::BuildError::required(#target_name, #rust))? }
        };
        quote! { #field: #value, }
    });
    let (meta_field, meta_methods, mut meta_value) = error_builder_meta(s);
    if def.path.module == Module::Output {
        meta_value.extend(quote! { _request_id: ::core::option::Option::None, });
    }
    let build = if s.fallible_build {
        let doc = doc_line(&if def.path.module == Module::Input {
            format!("Builds [`{target_name}`](super::{target_name}). Never fails today (a `Result` as in the SDK): the client checks required members before sending.")
        } else {
            format!("Builds [`{target_name}`](super::{target_name}); fails naming the first required member that was not set.")
        });
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

/// What a builder's plain setter takes, as the SDK's: `x(value)` for most members
/// (`impl Into<String>` for strings), one item for a list (appended), `k, v` for a map (one entry
/// inserted). The parameter list, and the arguments to pass it on (the client's fluent builders).
pub fn setter_params(m: &MemberIr) -> (TokenStream, TokenStream) {
    match &m.ty.kind {
        TyKind::List { member, sparse } if !m.boxed => {
            let (p, _) = param(member, *sparse);
            (quote! { input: #p }, quote! { input })
        }
        TyKind::Map { key, value, sparse } if !m.boxed => {
            let (k, _) = param(key, false);
            let (v, _) = param(value, *sparse);
            (quote! { k: #k, v: #v }, quote! { k, v })
        }
        _ if m.boxed => {
            let ty = boxed_type(&m.ty, true);
            (
                quote! { input: impl ::core::convert::Into<#ty> },
                quote! { input },
            )
        }
        _ => {
            let (p, _) = param(&m.ty, false);
            (quote! { input: #p }, quote! { input })
        }
    }
}

/// The builder's plain setter (see [`setter_params`]).
fn setter(m: &MemberIr, target_name: &str) -> TokenStream {
    let field = ident(&m.rust_name);
    let dep = deprecated(m.deprecated.as_ref());
    let set = prefixed("set", &m.rust_name);
    let (params, _) = setter_params(m);
    let (doc, body) = match &m.ty.kind {
        TyKind::List { member, sparse } if !m.boxed => (
            format!("Appends an item to [`{0}`](super::{target_name}::{0}); [`{set}`](Self::{set}) replaces the whole list.", m.rust_name.name),
            {
                let (_, value) = param(member, *sparse);
                quote! { ::ingot_rt::build::push(&mut self.#field, #value); }
            },
        ),
        TyKind::Map { key, value, sparse } if !m.boxed => (
            format!("Inserts one entry into [`{0}`](super::{target_name}::{0}); [`{set}`](Self::{set}) replaces the whole map.", m.rust_name.name),
            {
                let (_, k) = param_named(key, false, quote! { k });
                let (_, v) = param_named(value, *sparse, quote! { v });
                quote! { ::ingot_rt::build::insert(&mut self.#field, #k, #v); }
            },
        ),
        _ => (
            format!("Sets [`{0}`](super::{target_name}::{0}).", m.rust_name.name),
            {
                let value = if m.boxed {
                    quote! { input.into() }
                } else {
                    param(&m.ty, false).1
                };
                quote! { self.#field = ::core::option::Option::Some(#value); }
            },
        ),
    };
    let doc = doc_line(&doc);
    quote! {
        #doc
        #dep
        pub fn #field(mut self, #params) -> Self {
            #body
            self
        }
    }
}

/// A setter parameter named `input` and the expression for its value.
fn param(ty: &Ty, sparse: bool) -> (TokenStream, TokenStream) {
    param_named(ty, sparse, quote! { input })
}

/// Strings take `impl Into<String>`, everything else its own type (as the SDK's builders).
fn param_named(ty: &Ty, sparse: bool, name: TokenStream) -> (TokenStream, TokenStream) {
    if ty.kind == TyKind::String && !sparse {
        (
            quote! { impl ::core::convert::Into<::std::string::String> },
            quote! { #name.into() },
        )
    } else {
        (item_type(ty, sparse), name)
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
