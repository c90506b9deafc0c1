//! The server crate: a builder taking one async handler per operation, per-operation error enums,
//! and the glue that parses, validates, calls the handler and serializes. Routing, protocol
//! errors, SigV4 verification and serving live in `ingot-server-rt`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::tokens::{doc_line, docs, ident};
use super::validate;
use crate::ir::{OperationIr, Protocol, ServiceIr, TypeDef, TypeKind, Validation};

/// `src/operation.rs`: per operation its error enum and request parser.
pub fn operation_module(ir: &ServiceIr, types: &Ident) -> TokenStream {
    let modules = ir.operations.iter().map(|op| operation(ir, op, types));
    quote! { #(#modules)* }
}

/// The `x-amzn-query-error` value of an error type (query-compatible services only).
fn query_error(def: &TypeDef) -> Option<&str> {
    match &def.kind {
        TypeKind::Structure(s) => s.error.as_ref()?.query_error.as_deref(),
        _ => None,
    }
}

fn operation(ir: &ServiceIr, op: &OperationIr, types: &Ident) -> TokenStream {
    let module = ident(&op.fn_name);
    let error = format_ident!("{}Error", op.type_stem);
    let input = ident(&op.input.name);
    let output = ident(&op.output.name);
    let validate_input = validate::fn_name(&op.input);
    let namespace = &ir.namespace;
    let errors: Vec<Ident> = op.errors.iter().map(|p| ident(&p.name)).collect();
    let variants = errors.iter().map(|e| {
        let doc = doc_line(&format!("Answer with `{e}`."));
        quote! { #doc #e(::#types::types::error::#e), }
    });
    let froms = errors.iter().map(|e| {
        quote! {
            impl ::core::convert::From<::#types::types::error::#e> for #error {
                fn from(err: ::#types::types::error::#e) -> Self {
                    Self::#e(err)
                }
            }
        }
    });
    let body_arms = op.errors.iter().zip(&errors).map(|(path, e)| {
        let query_error = match ir.type_def(path).and_then(query_error) {
            Some(header) => quote! { ::core::option::Option::Some(#header) },
            None => quote! { ::core::option::Option::None },
        };
        quote! {
            Self::#e(err) => ::ingot_server_rt::ErrorBody {
                status: ::#types::types::error::#e::STATUS,
                type_name: ::#types::types::error::#e::CODE,
                namespace: #namespace,
                json: ::ingot_rt::json::to_string(&err),
                query_error: #query_error,
            },
        }
    });
    // An operation without modeled errors has an empty enum: nothing to match, even by reference.
    let display = if errors.is_empty() {
        quote! { let _ = f; match *self {} }
    } else {
        quote! { match self { #(Self::#errors(err) => ::core::fmt::Display::fmt(err, f),)* } }
    };
    let wire = &op.name;
    let module_doc = doc_line(&format!(
        "The `{wire}` operation: input, output, and the errors a handler may answer with."
    ));
    let error_doc = doc_line(&format!("The modeled errors a `{wire}` handler may answer with; each is written with its `@httpError` status."));
    let output_body = if op.output_modeled {
        quote! { ::core::option::Option::Some(::ingot_rt::json::to_string(output)) }
    } else {
        quote! { { let _ = output; ::core::option::Option::None } }
    };
    quote! {
        #module_doc
        pub mod #module {
            pub use ::#types::input::#input;
            pub use ::#types::output::#output;

            #error_doc
            #[derive(::core::fmt::Debug)]
            pub enum #error {
                #(#variants)*
            }
            #(#froms)*
            impl ::core::fmt::Display for #error {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #display
                }
            }
            impl ::std::error::Error for #error {}
            impl #error {
                pub(crate) fn into_body(self) -> ::ingot_server_rt::ErrorBody {
                    match self {
                        #(#body_arms)*
                    }
                }
            }

            /// Parses and validates a request body: every violation at once, or the input.
            pub(crate) fn parse(body: &::ingot_server_rt::__private::bytes::Bytes) -> ::core::result::Result<#input, ::ingot_server_rt::RequestRejection> {
                let mut cx = ::ingot_rt::json::ReadCx::new();
                let input = ::ingot_rt::json::from_slice::<#input>(::ingot_server_rt::json_body(body), &mut cx)
                    .map_err(|e| ::ingot_server_rt::RequestRejection::Serialization(e.to_string()))?;
                let mut checked = ::std::vec::Vec::new();
                crate::validate::#validate_input(&input, &mut ::std::vec::Vec::new(), &mut checked);
                let violations = ::ingot_server_rt::with_missing(cx.take_missing(), checked);
                if violations.is_empty() {
                    ::core::result::Result::Ok(input)
                } else {
                    ::core::result::Result::Err(::ingot_server_rt::RequestRejection::Validation(violations))
                }
            }

            /// Serializes a handler's output (`None`: Unit output, answered with an empty body).
            pub(crate) fn output_body(output: &#output) -> ::core::option::Option<::std::string::String> {
                #output_body
            }
        }
    }
}

/// `src/service.rs`: the builder users register handlers with.
pub fn service_module(ir: &ServiceIr) -> TokenStream {
    let fields = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        quote! { #f: ::core::option::Option<::ingot_server_rt::OperationFn>, }
    });
    let setters = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let module = ident(&op.fn_name);
        let error = format_ident!("{}Error", op.type_stem);
        let input = ident(&op.input.name);
        let output = ident(&op.output.name);
        let doc = docs(op.docs.as_deref());
        let wire = &op.name;
        let register = doc_line(&format!("Registers the handler of `{wire}`: it gets the parsed, validated input and the request context."));
        quote! {
            #register
            #[doc = ""]
            #doc
            pub fn #f<F, Fut>(mut self, handler: F) -> Self
            where
                F: ::core::ops::Fn(crate::operation::#module::#input, ::ingot_server_rt::RequestContext) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
                Fut: ::core::future::Future<Output = ::core::result::Result<crate::operation::#module::#output, crate::operation::#module::#error>> + ::core::marker::Send + 'static,
            {
                let handler = ::std::sync::Arc::new(handler);
                self.#f = ::core::option::Option::Some(::ingot_server_rt::operation_fn(move |body, ctx| {
                    let handler = ::std::sync::Arc::clone(&handler);
                    async move {
                        let input = crate::operation::#module::parse(&body)?;
                        ::core::result::Result::Ok(match handler(input, ctx).await {
                            ::core::result::Result::Ok(output) => ::ingot_server_rt::OperationOutcome::Output(crate::operation::#module::output_body(&output)),
                            ::core::result::Result::Err(err) => ::ingot_server_rt::OperationOutcome::Error(err.into_body()),
                        })
                    }
                }));
                self
            }
        }
    });
    let namespace = &ir.namespace;
    let service_name = &ir.name;
    let protocol = match ir.protocol {
        Protocol::AwsJson1_0 => quote! { ::ingot_server_rt::Protocol::AwsJson1_0 },
        Protocol::AwsJson1_1 => quote! { ::ingot_server_rt::Protocol::AwsJson1_1 },
    };
    let style = match &ir.validation {
        Validation::Smithy => quote! { ::ingot_server_rt::ValidationStyle::Smithy },
        Validation::ModeledError(name) => {
            quote! { ::ingot_server_rt::ValidationStyle::Coral { error_type: #name } }
        }
    };
    let missing = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let wire = &op.name;
        quote! {
            if self.#f.is_none() {
                missing.push(#wire);
            }
        }
    });
    let registrations = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let wire = &op.name;
        let message = format!("{{\"message\":\"The operation {wire} is not implemented by this server.\"}}");
        let auth = if op.unsigned {
            quote! { ::ingot_server_rt::AuthMode::None }
        } else if op.optional_auth {
            quote! { ::ingot_server_rt::AuthMode::Optional }
        } else {
            quote! { ::ingot_server_rt::AuthMode::Required }
        };
        quote! {
            let handler = self.#f.unwrap_or_else(|| ::ingot_server_rt::operation_fn(|_, _| async {
                ::core::result::Result::Ok(::ingot_server_rt::OperationOutcome::Error(::ingot_server_rt::ErrorBody {
                    status: 501,
                    type_name: "NotImplementedException",
                    namespace: #namespace,
                    json: ::std::string::String::from(#message),
                    query_error: ::core::option::Option::None,
                }))
            }));
            service = service.operation_with_auth(#wire, #auth, handler);
        }
    });
    let example = format!(
        "```no_run\nlet service = {}_server::ServiceBuilder::new()\n    // .operation_name(|input, ctx| async move {{ .. }}) for each operation, then:\n    .build_allowing_unimplemented();\n# let _ = service;\n```",
        ir.crate_base.replace('-', "_")
    );
    let example = docs(Some(&example));
    quote! {
        /// Registers one handler per operation, then builds the `tower::Service`.
        #[doc = ""]
        #example
        #[derive(::core::default::Default)]
        pub struct ServiceBuilder {
            #(#fields)*
            body_limit: ::core::option::Option<usize>,
            sigv4: ::core::option::Option<::ingot_server_rt::SigV4Verifier>,
        }
        impl ::core::fmt::Debug for ServiceBuilder {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct("ServiceBuilder").finish_non_exhaustive()
            }
        }
        impl ServiceBuilder {
            /// A builder with no handlers.
            pub fn new() -> Self {
                ::core::default::Default::default()
            }
            #(#setters)*
            /// The largest request body accepted (default 1 MiB); larger ones get 413.
            pub fn body_limit(mut self, limit: usize) -> Self {
                self.body_limit = ::core::option::Option::Some(limit);
                self
            }
            /// Verifies SigV4 signatures against these keys; without it requests are not authenticated.
            pub fn sigv4(mut self, verifier: ::ingot_server_rt::SigV4Verifier) -> Self {
                self.sigv4 = ::core::option::Option::Some(verifier);
                self
            }
            /// Builds the service; fails naming every operation without a handler.
            pub fn build(self) -> ::core::result::Result<::ingot_server_rt::AwsJsonService, MissingHandlers> {
                let mut missing = ::std::vec::Vec::new();
                #(#missing)*
                if missing.is_empty() {
                    ::core::result::Result::Ok(self.build_allowing_unimplemented())
                } else {
                    ::core::result::Result::Err(MissingHandlers(missing))
                }
            }
            /// Builds the service; operations without a handler answer 501 `NotImplementedException`.
            pub fn build_allowing_unimplemented(self) -> ::ingot_server_rt::AwsJsonService {
                let mut service = ::ingot_server_rt::AwsJsonService::new(#protocol, #service_name, #namespace, #style);
                if let ::core::option::Option::Some(limit) = self.body_limit {
                    service = service.body_limit(limit);
                }
                service = service.sigv4(self.sigv4);
                #(#registrations)*
                service
            }
        }
        /// Operations left without a handler when building a service.
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq)]
        pub struct MissingHandlers(pub ::std::vec::Vec<&'static str>);
        impl ::core::fmt::Display for MissingHandlers {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("no handler for: ")?;
                f.write_str(&self.0.join(", "))?;
                f.write_str(" (register one, or use build_allowing_unimplemented)")
            }
        }
        impl ::std::error::Error for MissingHandlers {}
    }
}
