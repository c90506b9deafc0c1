//! The client crate: `Client` with one method per operation, fluent builders that `send()`, and a
//! typed error per operation. HTTP, signing, retries and error-code parsing live in
//! `ingot-client-rt`; this file only wires each operation to its types.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::tokens::{boxed_type, deprecated, doc_line, docs, ident, prefixed, rust_type};
use crate::ir::{
    ContextSource, DiscoveryIr, OperationIr, Pagination, ParamKind, PathStep, Protocol, ServiceIr,
    StaticValue, TypeKind,
};

/// The runtime's rule-set value type, as generated code names it.
fn value_ty() -> TokenStream {
    quote! { ::ingot_client_rt::endpoint::Value }
}

/// `src/client.rs`: the service metadata and the `Client`.
pub fn client_module(ir: &ServiceIr) -> TokenStream {
    let target_prefix = &ir.name;
    let protocol = match ir.protocol {
        Protocol::AwsJson1_0 => quote! { ::ingot_client_rt::Protocol::AwsJson1_0 },
        Protocol::AwsJson1_1 => quote! { ::ingot_client_rt::Protocol::AwsJson1_1 },
    };
    let signing_name = ir.signing_name.as_deref().unwrap_or(&ir.endpoint_prefix);
    let endpoint_prefix = &ir.endpoint_prefix;
    let env_name = &ir.env_name;
    let sdk_id = &ir.sdk_id;
    let client_doc = doc_line(&format!(
        "A client for {sdk_id}. Cheap to clone: clones share one connection pool and configuration."
    ));
    let example = format!(
        "```no_run\n# async fn example() -> Result<(), Box<dyn std::error::Error>> {{\nlet config = {krate}::Config::builder()\n    .region(\"us-east-1\")\n    .build();\nlet client = {krate}::Client::from_conf(config);\n# let _ = client;\n# Ok(())\n# }}\n```",
        krate = ir.crate_base.replace('-', "_") + "_client",
    );
    let example = docs(Some(&example));
    let query_compatible = ir.query_compatible;
    let retryable_errors = ir.types.iter().filter_map(|t| {
        let TypeKind::Structure(s) = &t.kind else {
            return None;
        };
        let throttling = s.error.as_ref()?.retryable?;
        let shape_name = &t.wire_name;
        Some(quote! {
            ::ingot_client_rt::RetryableError { shape_name: #shape_name, throttling: #throttling },
        })
    });
    let methods = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let module = ident(&op.fn_name);
        let builder = format_ident!(
            "{}FluentBuilder",
            op.input.name.name.trim_end_matches("Input")
        );
        let doc = docs(op.docs.as_deref());
        let dep = deprecated(op.deprecated.as_ref());
        quote! {
            #doc
            #dep
            pub fn #f(&self) -> crate::operation::#module::#builder {
                crate::operation::#module::#builder::new(self.handle.clone())
            }
        }
    });
    let (rule_set_const, rule_set) = match ir.endpoint.rule_set {
        Some(_) => (
            Some(quote! {
                /// The model's `smithy.rules#endpointRuleSet`, interpreted by the runtime.
                pub const ENDPOINT_RULE_SET: &str = include_str!("endpoint_rule_set.json");
            }),
            quote! { ::core::option::Option::Some(ENDPOINT_RULE_SET) },
        ),
        None => (None, quote! { ::core::option::Option::None }),
    };
    let client_params = client_context_params(ir);
    let discovery = match &ir.discovery {
        Some(d) => {
            let error = &d.error;
            let module = ident(&d.operation);
            quote! {
                ::core::option::Option::Some(::ingot_client_rt::endpoint::EndpointDiscovery {
                    error: #error,
                    discover: crate::operation::#module::discover_endpoints,
                })
            }
        }
        None => quote! { ::core::option::Option::None },
    };
    quote! {
        #rule_set_const
        /// What the runtime needs to know about the service: target prefix, protocol, signing name, endpoint.
        pub static SERVICE: ::ingot_client_rt::ServiceInfo = ::ingot_client_rt::ServiceInfo {
            target_prefix: #target_prefix,
            protocol: #protocol,
            signing_name: #signing_name,
            endpoint_prefix: #endpoint_prefix,
            env_name: #env_name,
            sdk_id: #sdk_id,
            query_compatible: #query_compatible,
            retryable_errors: &[#(#retryable_errors)*],
            endpoint_rule_set: #rule_set,
            endpoint_discovery: #discovery,
        };
        #client_params
        #client_doc
        #[doc = ""]
        #example
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct Client {
            handle: ::ingot_client_rt::Client,
        }
        impl Client {
            /// A client with the given configuration.
            pub fn from_conf(config: ::ingot_client_rt::Config) -> Self {
                Self { handle: ::ingot_client_rt::Client::new(&SERVICE, config) }
            }
            /// A client configured from the environment (`AWS_REGION`, `AWS_ACCESS_KEY_ID`,
            /// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_ENDPOINT_URL`, the
            /// service-specific `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_USE_FIPS_ENDPOINT`,
            /// `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_ACCOUNT_ID_ENDPOINT_MODE`, ...; see
            /// [`ConfigBuilder::from_env_with`](crate::ConfigBuilder::from_env_with)).
            pub fn from_env() -> Self {
                Self::from_conf(::ingot_client_rt::Config::from_env())
            }
            /// The client's configuration.
            pub fn config(&self) -> &::ingot_client_rt::Config {
                self.handle.config()
            }
            #(#methods)*
        }
    }
}

/// `src/operation.rs`: one module per operation.
pub fn operation_module(ir: &ServiceIr, types_crate: &Ident) -> TokenStream {
    let modules = ir
        .operations
        .iter()
        .map(|op| operation(ir, op, types_crate));
    quote! { #(#modules)* }
}

fn operation(ir: &ServiceIr, op: &OperationIr, types: &Ident) -> TokenStream {
    let module = ident(&op.fn_name);
    let stem = op.input.name.name.trim_end_matches("Input").to_owned();
    let builder = format_ident!("{stem}FluentBuilder");
    let error = format_ident!("{stem}Error");
    let kind = format_ident!("{stem}ErrorKind");
    let input = ident(&op.input.name);
    let output = ident(&op.output.name);
    let input_builder = format_ident!("{}Builder", op.input.name.name);
    let wire = &op.name;
    let members = match ir.type_def(&op.input).map(|d| &d.kind) {
        Some(TypeKind::Structure(s)) => s.members.as_slice(),
        _ => &[],
    };
    let setters = members.iter().map(|m| {
        let field = ident(&m.rust_name);
        let set = prefixed("set", &m.rust_name);
        let get = prefixed("get", &m.rust_name);
        let ty = boxed_type(&m.ty, m.boxed);
        let doc = docs(m.docs.as_deref());
        let dep = deprecated(m.deprecated.as_ref());
        let set_doc = doc_line(&format!("Sets or unsets `{}`.", m.rust_name.name));
        let get_doc = doc_line(&format!(
            "The value set for `{}`, if any.",
            m.rust_name.name
        ));
        // The same parameters as the input builder's (appending for lists and maps).
        let (params, args) = super::structure::setter_params(m);
        quote! {
            #doc
            #dep
            pub fn #field(mut self, #params) -> Self {
                self.input = self.input.#field(#args);
                self
            }
            #set_doc
            #dep
            pub fn #set(mut self, input: ::core::option::Option<#ty>) -> Self {
                self.input = self.input.#set(input);
                self
            }
            #get_doc
            #dep
            pub fn #get(&self) -> &::core::option::Option<#ty> {
                self.input.#get()
            }
        }
    });
    let tokens = members.iter().filter(|m| m.idempotency_token && m.optional).map(|m| {
        let field = ident(&m.rust_name);
        quote! {
            if input.#field.is_none() {
                input.#field = ::core::option::Option::Some(::ingot_client_rt::idempotency_token());
            }
        }
    });
    let has_tokens = members.iter().any(|m| m.idempotency_token && m.optional);
    let input_binding = if has_tokens {
        quote! { mut input }
    } else {
        quote! { input }
    };
    let auth = if op.unsigned {
        quote! { ::ingot_client_rt::AuthMode::Anonymous }
    } else {
        quote! { ::ingot_client_rt::AuthMode::SigV4 }
    };
    let host_prefix = match &op.endpoint.host_prefix {
        Some(p) => {
            let t = &p.template;
            quote! { ::core::option::Option::Some(#t) }
        }
        None => quote! { ::core::option::Option::None },
    };
    let endpoint_call = endpoint_call(op, &input);
    let discovery_mode = match &op.discovery {
        Some(d) if d.required => {
            quote! { ::core::option::Option::Some(::ingot_client_rt::endpoint::DiscoveryMode::Required) }
        }
        Some(_) => {
            quote! { ::core::option::Option::Some(::ingot_client_rt::endpoint::DiscoveryMode::Optional) }
        }
        None => quote! { ::core::option::Option::None },
    };
    let discover = ir
        .discovery
        .as_ref()
        .filter(|d| d.operation == op.fn_name)
        .map(|d| discover_endpoints(d, &output, types));
    let request_compression = if op.gzip_request {
        quote! { ::core::option::Option::Some(::ingot_client_rt::RequestEncoding::Gzip) }
    } else {
        quote! { ::core::option::Option::None }
    };
    let errors: Vec<_> = op
        .errors
        .iter()
        .map(|p| {
            let name = ident(&p.name);
            let code = ir
                .type_def(p)
                .map(|d| d.wire_name.clone())
                .unwrap_or_else(|| p.name.name.clone());
            (name, code)
        })
        .collect();
    let variants = errors.iter().map(|(name, code)| {
        let doc = doc_line(&format!("The service answered `{code}`."));
        quote! { #doc #name(::#types::types::error::#name), }
    });
    let parse_arms = errors.iter().map(|(name, code)| {
        quote! {
            ::core::option::Option::Some(#code) => {
                match ::ingot_rt::json::from_body::<::#types::types::error::#name>(&response.raw.body, &mut ::ingot_rt::json::ReadCx::new()) {
                    ::core::result::Result::Ok(err) => #kind::#name(err),
                    ::core::result::Result::Err(e) => #kind::Unhandled(::ingot_client_rt::Unhandled::new(meta.clone(), ::core::option::Option::Some(::std::boxed::Box::new(e)))),
                }
            }
        }
    });
    let unhandled = quote! { #kind::Unhandled(::ingot_client_rt::Unhandled::new(meta.clone(), ::core::option::Option::None)) };
    // An operation without modeled errors has nothing to match on.
    let classify = if errors.is_empty() {
        unhandled
    } else {
        quote! {
            match meta.shape_name() {
                #(#parse_arms)*
                _ => #unhandled,
            }
        }
    };
    let display_arms = errors
        .iter()
        .map(|(name, _)| quote! { #kind::#name(err) => ::core::fmt::Display::fmt(err, f), });
    let source_arms = errors
        .iter()
        .map(|(name, _)| quote! { #kind::#name(err) => ::core::option::Option::Some(err), });
    let paginator = op
        .paginated
        .as_ref()
        .map(|p| paginator(op, p, &builder, &error, &input, &output, types));
    let op_doc = docs(op.docs.as_deref());
    let exchange = quote! {
        let raw = handle.invoke_call(&OPERATION, &call, body).await.map_err(|e| e.into_sdk_error(#error::from_response))?;
        match ::ingot_rt::json::from_body::<#output>(&raw.body, &mut ::ingot_rt::json::ReadCx::new()) {
            ::core::result::Result::Ok(output) => ::core::result::Result::Ok(output),
            ::core::result::Result::Err(e) => ::core::result::Result::Err(::ingot_client_rt::SdkError::ResponseError(
                ::ingot_client_rt::ResponseError::new(e, ::core::option::Option::Some(raw)),
            )),
        }
    };
    let send_fn = quote! {
        /// Sends a built input; fails before sending anything when a required member is missing.
        pub async fn send(
            handle: &::ingot_client_rt::Client,
            #input_binding: #input,
        ) -> ::core::result::Result<#output, ::ingot_client_rt::SdkError<#error>> {
            ::ingot_rt::build::RequiredMembers::check_required(&input).map_err(|e| {
                ::ingot_client_rt::SdkError::ConstructionFailure(::ingot_client_rt::ConstructionFailure::new(
                    e.to_string(),
                    ::core::option::Option::Some(::std::boxed::Box::new(e)),
                ))
            })?;
            #(#tokens)*
            let call = endpoint_call(&input);
            let body = ::ingot_rt::json::to_string(&input).into_bytes();
            #exchange
        }
    };
    let module_doc = doc_line(&format!(
        "The `{wire}` operation: its fluent builder, input, output and error."
    ));
    let builder_doc = doc_line(&format!(
        "Builds and sends a `{wire}` request; see [`Client::{0}`](crate::Client::{0}).",
        op.fn_name.name
    ));
    let error_doc = doc_line(&format!(
        "An error the service answered to `{wire}`, with its code, message and request id."
    ));
    let kind_doc = doc_line(&format!("The errors `{wire}` can answer: one variant per modeled error, and `Unhandled` for any other code."));
    quote! {
        #module_doc
        pub mod #module {
            pub use ::#types::input::#input;
            pub use ::#types::output::#output;

            #builder_doc
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            pub struct #builder {
                handle: ::ingot_client_rt::Client,
                input: ::#types::input::builders::#input_builder,
            }
            impl #builder {
                pub(crate) fn new(handle: ::ingot_client_rt::Client) -> Self {
                    Self { handle, input: ::core::default::Default::default() }
                }
                #(#setters)*
                /// The input built so far.
                pub fn as_input(&self) -> &::#types::input::builders::#input_builder {
                    &self.input
                }
                #op_doc
                ///
                /// Fails before sending anything when a required member is missing.
                pub async fn send(self) -> ::core::result::Result<#output, ::ingot_client_rt::SdkError<#error>> {
                    let input = self.input.build().map_err(|e| {
                        ::ingot_client_rt::SdkError::ConstructionFailure(::ingot_client_rt::ConstructionFailure::new(
                            e.to_string(),
                            ::core::option::Option::Some(::std::boxed::Box::new(e)),
                        ))
                    })?;
                    send(&self.handle, input).await
                }
            }

            #paginator

            /// What the runtime needs to know to send this operation.
            pub static OPERATION: ::ingot_client_rt::OperationInfo = ::ingot_client_rt::OperationInfo {
                name: #wire,
                auth: #auth,
                request_compression: #request_compression,
                host_prefix: #host_prefix,
                endpoint_discovery: #discovery_mode,
            };

            #endpoint_call

            #discover

            #send_fn

            #error_doc
            #[derive(::core::fmt::Debug)]
            pub struct #error {
                kind: #kind,
                meta: ::ingot_client_rt::ErrorMetadata,
            }
            #kind_doc
            #[non_exhaustive]
            #[derive(::core::fmt::Debug)]
            pub enum #kind {
                #(#variants)*
                /// An error code this operation does not model (or a modeled one whose body did not parse).
                Unhandled(::ingot_client_rt::Unhandled),
            }
            impl #error {
                fn from_response(response: &::ingot_client_rt::ServiceErrorResponse) -> Self {
                    let meta = &response.meta;
                    let kind = #classify;
                    Self { kind, meta: meta.clone() }
                }
                /// Which error this is.
                pub fn kind(&self) -> &#kind {
                    &self.kind
                }
                /// Which error this is, by value.
                pub fn into_kind(self) -> #kind {
                    self.kind
                }
            }
            impl ::ingot_client_rt::ProvideErrorMetadata for #error {
                fn meta(&self) -> &::ingot_client_rt::ErrorMetadata {
                    &self.meta
                }
            }
            impl ::core::fmt::Display for #error {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match &self.kind {
                        #(#display_arms)*
                        #kind::Unhandled(err) => ::core::fmt::Display::fmt(err, f),
                    }
                }
            }
            impl ::std::error::Error for #error {
                fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                    match &self.kind {
                        #(#source_arms)*
                        #kind::Unhandled(err) => ::core::option::Option::Some(err),
                    }
                }
            }
        }
    }
}

/// `into_paginator()` on the fluent builder, the paginator with `send()` (pages) and, when the
/// model names the items, `items()`.
fn paginator(
    op: &OperationIr,
    p: &Pagination,
    builder: &Ident,
    error: &Ident,
    input: &Ident,
    output: &Ident,
    types: &Ident,
) -> TokenStream {
    let stem = op.input.name.name.trim_end_matches("Input").to_owned();
    let paginator = format_ident!("{stem}Paginator");
    let pages = format_ident!("{stem}Pages");
    let input_builder = format_ident!("{}Builder", op.input.name.name);
    let token_field = ident(&p.input_token.field);
    let set_token = if p.input_token.optional {
        quote! { self.0.#token_field = ::core::option::Option::Some(token); }
    } else {
        quote! { self.0.#token_field = token; }
    };
    let next_token = borrow_path(&p.output_token);
    let token_ty = rust_type(&p.token);
    let page_size = p.page_size.as_ref().map(|(step, ty)| {
        let f = ident(&step.field);
        let t = rust_type(ty);
        quote! {
            /// Sets the page size (the number of items the service returns per page at most).
            pub fn page_size(mut self, size: #t) -> Self {
                self.input = self.input.#f(size);
                self
            }
        }
    });
    let items = p.items.as_ref().map(|(steps, item)| {
        let item_ty = rust_type(item);
        let extract = owned_path(steps);
        quote! {
            /// Every item of every page, in order; an error ends the stream after it is yielded.
            pub fn items(self) -> impl ::ingot_client_rt::__private::futures_util::Stream<Item = ::core::result::Result<#item_ty, ::ingot_client_rt::SdkError<#error>>> + ::core::marker::Send {
                ::ingot_client_rt::paginate::items(self.send(), |page| page.map(|o| #extract))
            }
        }
    });
    let wire = &op.name;
    let doc = doc_line(&format!("Pages through `{wire}`: each request carries the token of the previous page until the service returns none (or repeats one)."));
    quote! {
        impl #builder {
            /// Turns this request into a paginator over all pages.
            pub fn into_paginator(self) -> #paginator {
                #paginator { handle: self.handle, input: self.input }
            }
        }

        #doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct #paginator {
            handle: ::ingot_client_rt::Client,
            input: ::#types::input::builders::#input_builder,
        }
        impl #paginator {
            #page_size
            /// The pages, as a stream; a missing required member is the first and only item.
            pub fn send(self) -> impl ::ingot_client_rt::__private::futures_util::Stream<Item = ::core::result::Result<#output, ::ingot_client_rt::SdkError<#error>>> + ::core::marker::Send {
                use ::ingot_client_rt::__private::futures_util::StreamExt as _;
                let handle = self.handle;
                match self.input.build() {
                    ::core::result::Result::Ok(input) => ::ingot_client_rt::paginate::pages(#pages(input), move |pages: #pages| {
                        let handle = handle.clone();
                        async move { send(&handle, pages.0).await }
                    })
                    .left_stream(),
                    ::core::result::Result::Err(e) => {
                        let err = ::ingot_client_rt::SdkError::ConstructionFailure(::ingot_client_rt::ConstructionFailure::new(
                            e.to_string(),
                            ::core::option::Option::Some(::std::boxed::Box::new(e)),
                        ));
                        ::ingot_client_rt::__private::futures_util::stream::once(async move { ::core::result::Result::Err(err) }).right_stream()
                    }
                }
            }
            #items
        }

        #[derive(::core::clone::Clone)]
        struct #pages(#input);
        impl ::ingot_client_rt::Paginated for #pages {
            type Output = #output;
            type Token = #token_ty;
            fn next_token(output: &#output) -> ::core::option::Option<&#token_ty> {
                #next_token
            }
            fn is_empty(token: &#token_ty) -> bool {
                token.is_empty()
            }
            fn set_token(&mut self, token: #token_ty) {
                #set_token
            }
        }
    }
}

/// `Option<&Token>` of the token at `steps`, starting from `output: &Output`.
fn borrow_path(steps: &[PathStep]) -> TokenStream {
    borrow_path_from(quote! { output }, steps)
}

/// `Option<&T>` of the value at `steps`, starting from the reference `root`.
fn borrow_path_from(root: TokenStream, steps: &[PathStep]) -> TokenStream {
    let mut expr = quote! { ::core::option::Option::Some(#root) };
    for step in steps {
        let f = ident(&step.field);
        expr = match (step.optional, step.boxed) {
            (true, true) => quote! { #expr.and_then(|v| v.#f.as_deref()) },
            (true, false) => quote! { #expr.and_then(|v| v.#f.as_ref()) },
            (false, true) => quote! { #expr.map(|v| &*v.#f) },
            (false, false) => quote! { #expr.map(|v| &v.#f) },
        };
    }
    expr
}

/// The owned items at `steps` of `o: Output`, empty when any step is absent.
fn owned_path(steps: &[PathStep]) -> TokenStream {
    let mut expr = quote! { ::core::option::Option::Some(o) };
    for step in steps {
        let f = ident(&step.field);
        expr = match (step.optional, step.boxed) {
            (true, true) => quote! { #expr.and_then(|v| v.#f.map(|b| *b)) },
            (true, false) => quote! { #expr.and_then(|v| v.#f) },
            (false, true) => quote! { #expr.map(|v| *v.#f) },
            (false, false) => quote! { #expr.map(|v| v.#f) },
        };
    }
    quote! { #expr.unwrap_or_default() }
}

/// `endpoint_call(&input)`: the endpoint parameters (`@contextParam`,
/// `operationContextParams`, then `@staticContextParams`, which win) and host labels of a call.
fn endpoint_call(op: &OperationIr, input: &Ident) -> TokenStream {
    let value = value_ty();
    let e = &op.endpoint;
    let context = e.context_params.iter().map(|p| {
        let name = &p.name;
        let expr = context_value(&p.source);
        quote! { .param_opt(#name, #expr) }
    });
    let statics = e.static_params.iter().map(|(name, v)| {
        let v = match v {
            StaticValue::String(s) => quote! { #value::String(::std::string::String::from(#s)) },
            StaticValue::Bool(b) => quote! { #value::Bool(#b) },
            StaticValue::StringArray(items) => {
                quote! { #value::StringArray(::std::vec![#(::std::string::String::from(#items)),*]) }
            }
        };
        quote! { .param(#name, #v) }
    });
    let labels = e
        .host_prefix
        .iter()
        .flat_map(|p| &p.labels)
        .map(|(label, step)| {
            let f = ident(&step.field);
            let v = if step.optional {
                quote! { input.#f.as_deref().unwrap_or_default() }
            } else {
                quote! { input.#f.as_str() }
            };
            quote! { .host_label(#label, #v) }
        });
    let ids = op
        .discovery
        .iter()
        .flat_map(|d| &d.ids)
        .map(|(name, step)| {
            let f = ident(&step.field);
            if step.optional {
                quote! { .discovery_id_opt(#name, input.#f.as_deref()) }
            } else {
                quote! { .discovery_id(#name, input.#f.as_str()) }
            }
        });
    let uses_input = !e.context_params.is_empty()
        || e.host_prefix.as_ref().is_some_and(|p| !p.labels.is_empty())
        || op.discovery.as_ref().is_some_and(|d| !d.ids.is_empty());
    let arg = if uses_input {
        quote! { input }
    } else {
        quote! { _input }
    };
    quote! {
        /// The endpoint rule parameters and host labels a call with `input` adds to the client's.
        pub fn endpoint_call(#arg: &#input) -> ::ingot_client_rt::EndpointCall {
            ::ingot_client_rt::EndpointCall::new()
                #(#context)*
                #(#statics)*
                #(#labels)*
                #(#ids)*
        }
    }
}

/// `discover_endpoints` in the discovery operation's module: this operation called through
/// its own `send`, its answer handed to the runtime's discovery cache.
fn discover_endpoints(d: &DiscoveryIr, output: &Ident, types: &Ident) -> TokenStream {
    let input_builder = format_ident!("{}Builder", d.input.name.name);
    let operation = d.operation_member.as_ref().map(|m| {
        let m = ident(m);
        quote! { .#m(request.operation) }
    });
    // Sent only when the call has identifiers, as the AWS SDKs do.
    let identifiers = d.identifiers_member.as_ref().map(|m| {
        let set = prefixed("set", m);
        quote! {
            .#set((!request.identifiers.is_empty()).then(|| {
                request.identifiers.into_iter().map(|(k, v)| (::std::string::String::from(k), v)).collect::<::std::collections::HashMap<_, _>>()
            }))
        }
    });
    let request = if operation.is_some() || identifiers.is_some() {
        quote! { request }
    } else {
        quote! { _request }
    };
    let endpoints = ident(&d.endpoints.field);
    let list = if d.endpoints.optional {
        quote! { output.#endpoints.unwrap_or_default() }
    } else {
        quote! { output.#endpoints }
    };
    let address = ident(&d.address.field);
    let period = ident(&d.cache_period.field);
    let q = |step: &crate::ir::PathStep| {
        if step.optional {
            quote! { ? }
        } else {
            TokenStream::new()
        }
    };
    let (aq, pq) = (q(&d.address), q(&d.cache_period));
    let each = quote! {
        ::ingot_client_rt::endpoint::DiscoveredEndpoint {
            address: e.#address #aq,
            cache_period_in_minutes: e.#period #pq,
        }
    };
    // Endpoints without an address or period are skipped; the runtime uses the first one left.
    let collect = if d.address.optional || d.cache_period.optional {
        quote! { .filter_map(|e| ::core::option::Option::Some(#each)) }
    } else {
        quote! { .map(|e| #each) }
    };
    quote! {
        /// Calls this operation to discover an endpoint (the service's
        /// `aws.api#clientEndpointDiscovery`); the runtime caches the answer.
        pub fn discover_endpoints(
            handle: ::ingot_client_rt::Client,
            #request: ::ingot_client_rt::endpoint::DiscoveryRequest,
        ) -> ::ingot_client_rt::endpoint::DiscoveryFuture {
            ::std::boxed::Box::pin(async move {
                let input = ::#types::input::builders::#input_builder::default()
                    #operation
                    #identifiers
                    .build()?;
                let output: #output = send(&handle, input).await?;
                ::core::result::Result::Ok(#list.into_iter() #collect .collect())
            })
        }
    }
}

/// `Option<Value>` of a context parameter, read from `input`.
fn context_value(source: &ContextSource) -> TokenStream {
    let value = value_ty();
    match source {
        ContextSource::Path { steps, kind } => {
            let at = borrow_path_from(quote! { input }, steps);
            match kind {
                ParamKind::String => quote! { #at.map(|v| #value::String(v.clone())) },
                ParamKind::Bool => quote! { #at.map(|v| #value::Bool(*v)) },
                ParamKind::StringArray => quote! { #at.map(|v| #value::StringArray(v.clone())) },
            }
        }
        ContextSource::Keys { steps } => {
            let at = borrow_path_from(quote! { input }, steps);
            quote! {
                #at.map(|map| {
                    // Map order is not the model's: sorted, so equal inputs give equal parameters.
                    let mut keys: ::std::vec::Vec<::std::string::String> = map.keys().cloned().collect();
                    keys.sort();
                    #value::StringArray(keys)
                })
            }
        }
        ContextSource::Projection { list, each } => {
            let at = borrow_path_from(quote! { input }, list);
            let collect = match each.as_slice() {
                [] => quote! { items.clone() },
                [one] => {
                    let e = borrow_path_from(quote! { item }, one);
                    quote! { items.iter().filter_map(|item| #e).cloned().collect() }
                }
                many => {
                    let es = many.iter().map(|p| borrow_path_from(quote! { item }, p));
                    quote! { items.iter().flat_map(|item| [#(#es),*]).flatten().cloned().collect() }
                }
            };
            quote! { #at.map(|items| #value::StringArray(#collect)) }
        }
    }
}

/// `ClientContextParams`: typed setters on the runtime's `ConfigBuilder` for the service's
/// `@clientContextParams`.
fn client_context_params(ir: &ServiceIr) -> Option<TokenStream> {
    let params = &ir.endpoint.client_params;
    if params.is_empty() {
        return None;
    }
    let value = value_ty();
    let decls = params.iter().map(|p| {
        let f = ident(&p.setter);
        let doc = docs(p.docs.as_deref());
        let arg = match p.kind {
            ParamKind::String => quote! { impl ::core::convert::Into<::std::string::String> },
            ParamKind::Bool => quote! { bool },
            ParamKind::StringArray => quote! { ::std::vec::Vec<::std::string::String> },
        };
        quote! {
            #doc
            fn #f(self, value: #arg) -> Self;
        }
    });
    let impls = params.iter().map(|p| {
        let f = ident(&p.setter);
        let name = &p.name;
        let (arg, v) = match p.kind {
            ParamKind::String => (
                quote! { impl ::core::convert::Into<::std::string::String> },
                quote! { #value::String(value.into()) },
            ),
            ParamKind::Bool => (quote! { bool }, quote! { #value::Bool(value) }),
            ParamKind::StringArray => (
                quote! { ::std::vec::Vec<::std::string::String> },
                quote! { #value::StringArray(value) },
            ),
        };
        quote! {
            fn #f(self, value: #arg) -> Self {
                self.client_context_param(#name, #v)
            }
        }
    });
    Some(quote! {
        /// Typed setters for the service's client context parameters (`@clientContextParams`),
        /// which its endpoint rules read.
        pub trait ClientContextParams {
            #(#decls)*
        }
        impl ClientContextParams for ::ingot_client_rt::ConfigBuilder {
            #(#impls)*
        }
    })
}

/// `tests/endpoint_tests.rs`: every case of the model's `smithy.rules#endpointTests`
/// (`tests/endpoint_tests.json`), checked through this client's parameter building.
pub fn endpoint_tests(ir: &ServiceIr) -> Option<TokenStream> {
    ir.endpoint.tests.as_ref()?;
    let krate = format_ident!("{}_client", ir.crate_base.replace('-', "_"));
    // The sdkId is text in a format string: braces doubled.
    let summary = format!(
        "{}: {{outcome}}",
        ir.sdk_id.replace('{', "{{").replace('}', "}}")
    );
    let arms: Vec<TokenStream> = ir
        .endpoint
        .tested_operations
        .iter()
        .filter_map(|name| ir.operations.iter().find(|o| &o.name == name))
        .map(|op| {
            let wire = &op.name;
            let module = ident(&op.fn_name);
            let input = ident(&op.input.name);
            quote! {
                #wire => {
                    let input = ::ingot_rt::json::from_body::<::#krate::operation::#module::#input>(
                        input.as_bytes(),
                        &mut ::ingot_rt::json::ReadCx::new(),
                    )
                    .map_err(|e| ::std::format!("the input of {operation} does not parse: {e}"))?;
                    ::core::result::Result::Ok((
                        &::#krate::operation::#module::OPERATION,
                        ::#krate::operation::#module::endpoint_call(&input),
                    ))
                }
            }
        })
        .collect();
    let (input_arg, body) = if arms.is_empty() {
        (
            quote! { _input },
            quote! { ::core::result::Result::Err(::std::format!("no operation {operation} in this client")) },
        )
    } else {
        (
            quote! { input },
            quote! {
                match operation {
                    #(#arms)*
                    other => ::core::result::Result::Err(::std::format!("no operation {other} in this client")),
                }
            },
        )
    };
    Some(quote! {
        /// The model's endpoint test cases (in a module so rustfmt leaves the generated layout alone).
        #[rustfmt::skip]
        mod endpoint_tests {
        use ::std::io::Write as _;

        /// The operation named by a case and the endpoint call its input (JSON) gives.
        fn operation_call(
            operation: &str,
            #input_arg: &str,
        ) -> ::core::result::Result<
            (&'static ::ingot_client_rt::OperationInfo, ::ingot_client_rt::EndpointCall),
            ::std::string::String,
        > {
            #body
        }

        #[test]
        fn endpoint_tests() {
            let outcome = ::ingot_client_rt::endpoint::endpoint_tests::run(
                &::#krate::client::SERVICE,
                include_str!("endpoint_tests.json"),
                &operation_call,
            );
            // Straight to stdout, which `cargo test` does not capture, so the count is seen
            // on every run.
            let _ = writeln!(::std::io::stdout(), #summary);
            assert!(outcome.all_passed(), "{outcome}");
        }
        }
    })
}
