//! The client's errors, shaped as the AWS SDK for Rust's: one flat `#[non_exhaustive]` enum per
//! operation (`<Op>Error`: a variant per modeled error plus `Unhandled`) and the crate-level
//! `Error` (a variant per error of the service) that every operation error converts into.
//! Reading an error response is the runtime's (`ErrorResponseParser`); this file only names the
//! variants.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::tokens::{doc_line, docs, ident};
use crate::ir::{OperationIr, ServiceIr, TypeKind, TypePath};

/// A modeled error as an enum variant: its type name, wire code, `is_` method and docs.
struct Variant {
    name: Ident,
    code: String,
    is_method: Ident,
    docs: TokenStream,
}

fn variants(ir: &ServiceIr, errors: &[TypePath]) -> Vec<Variant> {
    errors
        .iter()
        .filter_map(|p| {
            let def = ir.type_def(p)?;
            let TypeKind::Structure(s) = &def.kind else {
                return None;
            };
            let info = s.error.as_ref()?;
            Some(Variant {
                name: ident(&p.name),
                code: def.wire_name.clone(),
                is_method: ident(&info.is_method),
                docs: docs(def.docs.as_deref()),
            })
        })
        .collect()
}

/// The SDK's deprecation of matching `Unhandled` directly.
fn unhandled_deprecation() -> TokenStream {
    quote! {
        #[deprecated(note = "Matching `Unhandled` directly is not forwards compatible. Instead, match using a variable wildcard pattern and check `.code()`: `err if err.code() == Some(\"SpecificExceptionCode\") => { /* handle the error */ }`. See `ProvideErrorMetadata` for what information is available for the error.")]
    }
}

/// `<Op>Error` and its impls, in the operation's module.
pub fn operation_error(
    ir: &ServiceIr,
    op: &OperationIr,
    error: &Ident,
    types: &Ident,
) -> TokenStream {
    let vs = variants(ir, &op.errors);
    let wire = &op.name;
    let doc = doc_line(&format!(
        "The errors `{wire}` can answer: one variant per modeled error, and `Unhandled` for any other failure."
    ));
    let decls = vs.iter().map(|v| {
        let (name, d) = (&v.name, &v.docs);
        quote! { #d #name(::#types::types::error::#name), }
    });
    let is_methods = vs.iter().map(|v| {
        let (name, is) = (&v.name, &v.is_method);
        let d = doc_line(&format!("Whether this is `{name}`."));
        quote! {
            #d
            pub fn #is(&self) -> bool {
                ::core::matches!(self, Self::#name(_))
            }
        }
    });
    let meta_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::ingot_client_rt::ProvideErrorMetadata::meta(e), }
    });
    let display_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::core::fmt::Display::fmt(e, f), }
    });
    let source_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::core::option::Option::Some(e), }
    });
    let parse_arms = vs.iter().map(|v| {
        let (name, code) = (&v.name, &v.code);
        quote! { ::core::option::Option::Some(#code) => parser.modeled(Self::#name), }
    });
    // An operation without modeled errors has nothing to match on.
    let classify = if vs.is_empty() {
        quote! { parser.unhandled() }
    } else {
        quote! {
            match parser.code() {
                #(#parse_arms)*
                _ => parser.unhandled(),
            }
        }
    };
    let deprecation = unhandled_deprecation();
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(::core::fmt::Debug)]
        pub enum #error {
            #(#decls)*
            /// An unexpected error: an error code this operation does not model, a modeled error
            /// whose body did not parse, or (through `SdkError::into_service_error`) any other failure.
            #deprecation
            Unhandled(::ingot_client_rt::__private::Unhandled),
        }
        impl #error {
            /// An unhandled error caused by `err`.
            pub fn unhandled(err: impl ::core::convert::Into<::ingot_client_rt::BoxError>) -> Self {
                Self::Unhandled(::ingot_client_rt::__private::Unhandled::new(err.into(), ::core::option::Option::None))
            }
            /// An unhandled error described by its metadata alone.
            pub fn generic(err: ::ingot_client_rt::ErrorMetadata) -> Self {
                Self::Unhandled(::ingot_client_rt::__private::Unhandled::new(::std::boxed::Box::new(err.clone()), ::core::option::Option::Some(err)))
            }
            /// The error's code, message and request id.
            pub fn meta(&self) -> &::ingot_client_rt::ErrorMetadata {
                match self {
                    #(#meta_arms)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
            #(#is_methods)*
            #[doc(hidden)]
            pub fn from_response(response: &::ingot_client_rt::__private::ServiceErrorResponse) -> Self {
                let parser = ::ingot_client_rt::__private::ErrorResponseParser::new(response);
                #classify
            }
        }
        impl ::ingot_client_rt::CreateUnhandledError for #error {
            fn create_unhandled_error(
                source: ::ingot_client_rt::BoxError,
                meta: ::core::option::Option<::ingot_client_rt::ErrorMetadata>,
            ) -> Self {
                Self::Unhandled(::ingot_client_rt::__private::Unhandled::new(source, meta))
            }
        }
        impl ::ingot_client_rt::ProvideErrorMetadata for #error {
            fn meta(&self) -> &::ingot_client_rt::ErrorMetadata {
                self.meta()
            }
        }
        impl ::ingot_client_rt::RequestId for #error {
            fn request_id(&self) -> ::core::option::Option<&str> {
                self.meta().request_id()
            }
        }
        impl ::core::fmt::Display for #error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::Unhandled(e) => ::ingot_client_rt::__private::Unhandled::fmt_unhandled(e.meta(), f),
                }
            }
        }
        impl ::std::error::Error for #error {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Self::Unhandled(e) => ::core::option::Option::Some(e.source()),
                }
            }
        }
    }
}

/// `src/error_meta.rs`: the crate-level `Error`, one variant per error any operation answers.
pub fn service_error(ir: &ServiceIr, types: &Ident) -> TokenStream {
    let mut all: Vec<TypePath> = ir
        .operations
        .iter()
        .flat_map(|op| op.errors.clone())
        .collect();
    all.sort_by(|a, b| a.name.name.cmp(&b.name.name));
    all.dedup();
    let vs = variants(ir, &all);
    let decls = vs.iter().map(|v| {
        let (name, d) = (&v.name, &v.docs);
        quote! { #d #name(::#types::types::error::#name), }
    });
    let display_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::core::fmt::Display::fmt(e, f), }
    });
    let meta_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::ingot_client_rt::ProvideErrorMetadata::meta(e), }
    });
    let source_arms = vs.iter().map(|v| {
        let name = &v.name;
        quote! { Self::#name(e) => ::core::option::Option::Some(e), }
    });
    let froms = ir.operations.iter().map(|op| {
        let module = ident(&op.fn_name);
        let op_error = quote::format_ident!("{}Error", op.type_stem);
        let arms = variants(ir, &op.errors).into_iter().map(|v| {
            let name = v.name;
            quote! { crate::operation::#module::#op_error::#name(e) => Self::#name(e), }
        });
        quote! {
            impl<R> ::core::convert::From<::ingot_client_rt::SdkError<crate::operation::#module::#op_error, R>> for Error
            where
                R: ::core::marker::Send + ::core::marker::Sync + ::core::fmt::Debug + 'static,
            {
                fn from(err: ::ingot_client_rt::SdkError<crate::operation::#module::#op_error, R>) -> Self {
                    match err {
                        ::ingot_client_rt::SdkError::ServiceError(context) => Self::from(context.into_err()),
                        _ => Self::Unhandled(::ingot_client_rt::__private::Unhandled::new(
                            ::std::boxed::Box::new(err),
                            ::core::option::Option::None,
                        )),
                    }
                }
            }
            impl ::core::convert::From<crate::operation::#module::#op_error> for Error {
                fn from(err: crate::operation::#module::#op_error) -> Self {
                    match err {
                        #(#arms)*
                        crate::operation::#module::#op_error::Unhandled(e) => Self::Unhandled(e),
                    }
                }
            }
        }
    });
    let deprecation = unhandled_deprecation();
    let doc = doc_line(&format!(
        "Every error {} can answer, as one enum: what `?` turns any operation's error into.",
        ir.sdk_id
    ));
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(::core::fmt::Debug)]
        pub enum Error {
            #(#decls)*
            /// An unexpected error (an unknown error code, a body that did not parse, or a
            /// failure other than a service error).
            #deprecation
            Unhandled(::ingot_client_rt::__private::Unhandled),
        }
        impl ::core::fmt::Display for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::Unhandled(e) => ::ingot_client_rt::__private::Unhandled::fmt_unhandled(e.meta(), f),
                }
            }
        }
        impl ::std::error::Error for Error {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Self::Unhandled(e) => ::core::option::Option::Some(e.source()),
                }
            }
        }
        impl ::ingot_client_rt::ProvideErrorMetadata for Error {
            fn meta(&self) -> &::ingot_client_rt::ErrorMetadata {
                match self {
                    #(#meta_arms)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
        }
        impl ::ingot_client_rt::RequestId for Error {
            fn request_id(&self) -> ::core::option::Option<&str> {
                ::ingot_client_rt::ProvideErrorMetadata::meta(self).request_id()
            }
        }
        impl ::core::convert::From<::ingot_client_rt::BuildError> for Error {
            fn from(err: ::ingot_client_rt::BuildError) -> Self {
                Self::Unhandled(::ingot_client_rt::__private::Unhandled::new(::std::boxed::Box::new(err), ::core::option::Option::None))
            }
        }
        #(#froms)*
    }
}
