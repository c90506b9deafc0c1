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
        Protocol::AwsJson1_0 => quote! { ::ingot_client_rt::__private::Protocol::AwsJson1_0 },
        Protocol::AwsJson1_1 => quote! { ::ingot_client_rt::__private::Protocol::AwsJson1_1 },
    };
    let signing_name = ir.signing_name.as_deref().unwrap_or(&ir.endpoint_prefix);
    let endpoint_prefix = &ir.endpoint_prefix;
    let env_name = &ir.env_name;
    let sdk_id = &ir.sdk_id;
    let client_doc = doc_line(&format!(
        "A client for {sdk_id}. Cheap to clone: clones share one connection pool and configuration."
    ));
    let example = format!(
        "```no_run\n# async fn example() -> Result<(), Box<dyn std::error::Error>> {{\nlet config = {krate}::Config::builder()\n    .region({krate}::config::Region::new(\"us-east-1\"))\n    .build();\nlet client = {krate}::Client::from_conf(config);\n# let _ = client;\n# Ok(())\n# }}\n```",
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
            ::ingot_client_rt::__private::RetryableError { shape_name: #shape_name, throttling: #throttling },
        })
    });
    let methods = ir.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let module = ident(&op.fn_name);
        let builder = format_ident!("{}FluentBuilder", op.type_stem);
        let doc = docs(op.docs.as_deref());
        let dep = deprecated(op.deprecated.as_ref());
        quote! {
            #doc
            #dep
            pub fn #f(&self) -> crate::operation::#module::builders::#builder {
                crate::operation::#module::builders::#builder::new(self.handle.clone())
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
        #[doc(hidden)]
        pub static SERVICE: ::ingot_client_rt::__private::ServiceInfo = ::ingot_client_rt::__private::ServiceInfo {
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
        #client_doc
        #[doc = ""]
        #example
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct Client {
            handle: ::ingot_client_rt::__private::Client,
        }
        impl Client {
            /// A client with the settings `aws-config` loaded (`aws_config::load_from_env().await`):
            /// region, credentials, endpoint URL, retry and timeout settings, as the AWS SDK takes them.
            #[cfg(feature = "sdk-config")]
            pub fn new(sdk_config: &::ingot_client_rt::SdkConfig) -> Self {
                Self::from_conf(crate::Config::from(sdk_config))
            }
            /// A client with the given configuration.
            pub fn from_conf(config: crate::Config) -> Self {
                Self { handle: ::ingot_client_rt::__private::Client::new(&SERVICE, config) }
            }
            /// A client configured from the environment (`AWS_REGION`, `AWS_ACCESS_KEY_ID`,
            /// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_ENDPOINT_URL`, the
            /// service-specific `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_USE_FIPS_ENDPOINT`,
            /// `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_ACCOUNT_ID_ENDPOINT_MODE`, ...; see
            /// [`Builder::from_env_with`](crate::config::Builder::from_env_with)).
            pub fn from_env() -> Self {
                Self::from_conf(crate::Config::from_env())
            }
            /// The client's configuration.
            pub fn config(&self) -> &crate::Config {
                self.handle.config()
            }
            #(#methods)*
        }
    }
}

/// `src/operation.rs`: one module (and file) per operation, and the SDK's `RequestId` trait.
pub fn operation_index(ir: &ServiceIr) -> TokenStream {
    let modules = ir.operations.iter().map(|op| {
        let module = ident(&op.fn_name);
        let wire = &op.name;
        let doc = doc_line(&format!(
            "The `{wire}` operation: its input, output, error, fluent builder{}.",
            if op.paginated.is_some() {
                " and paginator"
            } else {
                ""
            }
        ));
        quote! { #doc pub mod #module; }
    });
    quote! {
        pub use ::ingot_client_rt::RequestId;
        #(#modules)*
    }
}

/// `src/operation/<op>.rs`: the operation's types, builders, paginator, error and wire details.
pub fn operation(ir: &ServiceIr, op: &OperationIr, types: &Ident) -> TokenStream {
    let stem = &op.type_stem;
    let builder = format_ident!("{stem}FluentBuilder");
    let error = format_ident!("{stem}Error");
    let input = ident(&op.input.name);
    let output = ident(&op.output.name);
    let input_builder = format_ident!("{}Builder", op.input.name.name);
    let output_builder = format_ident!("{}Builder", op.output.name.name);
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
                input.#field = ::core::option::Option::Some(::ingot_client_rt::__private::idempotency_token());
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
        quote! { ::ingot_client_rt::__private::AuthMode::Anonymous }
    } else {
        quote! { ::ingot_client_rt::__private::AuthMode::SigV4 }
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
        quote! { ::core::option::Option::Some(::ingot_client_rt::__private::RequestEncoding::Gzip) }
    } else {
        quote! { ::core::option::Option::None }
    };
    let error_enum = super::client_error::operation_error(ir, op, &error, types);
    let paginator = op
        .paginated
        .as_ref()
        .map(|p| paginator(op, p, &error, &input, &output, types));
    let into_paginator = op.paginated.as_ref().map(|_| {
        let paginator = format_ident!("{stem}Paginator");
        quote! {
            /// Turns this request into a paginator over all pages.
            pub fn into_paginator(self) -> super::paginator::#paginator {
                super::paginator::#paginator::new(self.handle, self.input)
            }
        }
    });
    let op_doc = docs(op.docs.as_deref());
    let exchange = quote! {
        let raw = handle.invoke_call(&OPERATION, &call, body).await.map_err(|e| e.into_sdk_error(#error::from_response))?;
        match ::ingot_rt::json::from_body::<#output>(&raw.body, &mut ::ingot_rt::json::ReadCx::new()) {
            ::core::result::Result::Ok(mut output) => {
                output.set_request_id(raw.request_id().map(::std::borrow::ToOwned::to_owned));
                ::core::result::Result::Ok(output)
            }
            ::core::result::Result::Err(e) => ::core::result::Result::Err(::ingot_client_rt::SdkError::response_error(e, raw)),
        }
    };
    let send_fn = quote! {
        /// Sends a built input; fails before sending anything when a required member is missing.
        #[doc(hidden)]
        pub async fn send(
            handle: &::ingot_client_rt::__private::Client,
            #input_binding: #input,
        ) -> ::core::result::Result<#output, ::ingot_client_rt::SdkError<#error>> {
            ::ingot_rt::build::RequiredMembers::check_required(&input)
                .map_err(::ingot_client_rt::SdkError::construction_failure)?;
            #(#tokens)*
            let call = endpoint_call(&input);
            let body = ::ingot_rt::json::to_string(&input).into_bytes();
            #exchange
        }
    };
    let builder_doc = doc_line(&format!(
        "Builds and sends a `{wire}` request; see [`Client::{0}`](crate::Client::{0}).",
        op.fn_name.name
    ));
    quote! {
        pub use ::#types::input::#input;
        pub use ::#types::output::#output;

        /// The fluent builder, and the input and output builders.
        pub mod builders {
            pub use ::#types::input::builders::#input_builder;
            pub use ::#types::output::builders::#output_builder;

            #builder_doc
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            pub struct #builder {
                handle: ::ingot_client_rt::__private::Client,
                input: #input_builder,
            }
            impl #builder {
                pub(crate) fn new(handle: ::ingot_client_rt::__private::Client) -> Self {
                    Self { handle, input: ::core::default::Default::default() }
                }
                #(#setters)*
                /// The input built so far.
                pub fn as_input(&self) -> &#input_builder {
                    &self.input
                }
                #op_doc
                ///
                /// Fails before sending anything when a required member is missing.
                pub async fn send(self) -> ::core::result::Result<super::#output, ::ingot_client_rt::SdkError<super::#error>> {
                    let input = self.input.build()?;
                    super::send(&self.handle, input).await
                }
                #into_paginator
            }
        }

        #paginator

        /// What the runtime needs to know to send this operation.
        #[doc(hidden)]
        pub static OPERATION: ::ingot_client_rt::__private::OperationInfo = ::ingot_client_rt::__private::OperationInfo {
            name: #wire,
            auth: #auth,
            request_compression: #request_compression,
            host_prefix: #host_prefix,
            endpoint_discovery: #discovery_mode,
        };

        #endpoint_call

        #discover

        #send_fn

        #error_enum
    }
}

/// The `paginator` module: the paginator with `send()` (pages) and, when the model names the
/// items, `items()` with its own `send()`, as the SDK's.
fn paginator(
    op: &OperationIr,
    p: &Pagination,
    error: &Ident,
    input: &Ident,
    output: &Ident,
    types: &Ident,
) -> TokenStream {
    let stem = &op.type_stem;
    let paginator = format_ident!("{stem}Paginator");
    let items_ty = format_ident!("{stem}PaginatorItems");
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
            pub fn page_size(mut self, limit: #t) -> Self {
                self.input = self.input.#f(limit);
                self
            }
        }
    });
    let items = p.items.as_ref().map(|(steps, item)| {
        let item_ty = rust_type(item);
        let extract = owned_path(steps);
        quote! {
            /// Every item of every page, in order.
            #[derive(::core::fmt::Debug)]
            pub struct #items_ty(#paginator);
            impl #items_ty {
                /// The items, as a stream; an error ends the stream after it is yielded.
                pub fn send(self) -> ::ingot_client_rt::PaginationStream<::core::result::Result<#item_ty, ::ingot_client_rt::SdkError<super::#error>>> {
                    ::ingot_client_rt::PaginationStream::new(::ingot_client_rt::__private::items(self.0.send(), |page| page.map(|o| #extract)))
                }
            }
        }
    });
    let items_fn = p.items.as_ref().map(|_| {
        quote! {
            /// A paginator over the items of every page.
            pub fn items(self) -> #items_ty {
                #items_ty(self)
            }
        }
    });
    let wire = &op.name;
    let doc = doc_line(&format!("Pages through `{wire}`: each request carries the token of the previous page until the service returns none (or repeats one)."));
    quote! {
        /// The paginator.
        pub mod paginator {
            #doc
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            pub struct #paginator {
                handle: ::ingot_client_rt::__private::Client,
                input: super::builders::#input_builder,
            }
            impl #paginator {
                pub(crate) fn new(handle: ::ingot_client_rt::__private::Client, input: super::builders::#input_builder) -> Self {
                    Self { handle, input }
                }
                #page_size
                #items_fn
                /// The pages, as a stream; a missing required member is the first and only item.
                pub fn send(self) -> ::ingot_client_rt::PaginationStream<::core::result::Result<super::#output, ::ingot_client_rt::SdkError<super::#error>>> {
                    let handle = self.handle;
                    match self.input.build() {
                        ::core::result::Result::Ok(input) => ::ingot_client_rt::PaginationStream::new(::ingot_client_rt::__private::pages(#pages(input), move |pages: #pages| {
                            let handle = handle.clone();
                            async move { super::send(&handle, pages.0).await }
                        })),
                        ::core::result::Result::Err(e) => {
                            let err = ::ingot_client_rt::SdkError::from(e);
                            ::ingot_client_rt::PaginationStream::new(::ingot_client_rt::__private::futures_util::stream::once(async move { ::core::result::Result::Err(err) }))
                        }
                    }
                }
            }
            #items

            #[derive(::core::clone::Clone)]
            struct #pages(::#types::input::#input);
            impl ::ingot_client_rt::__private::Paginated for #pages {
                type Output = ::#types::output::#output;
                type Token = #token_ty;
                fn next_token(output: &::#types::output::#output) -> ::core::option::Option<&#token_ty> {
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
        pub fn endpoint_call(#arg: &#input) -> ::ingot_client_rt::__private::EndpointCall {
            ::ingot_client_rt::__private::EndpointCall::new()
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
            handle: ::ingot_client_rt::__private::Client,
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

/// `src/config.rs`: the SDK's `config` module: `Config`, its `Builder`, the vocabulary types of
/// its setters, and typed setters for the service's client context parameters.
pub fn config_module(ir: &ServiceIr) -> TokenStream {
    let client_params = client_context_params(ir);
    quote! {
        pub use ::ingot_client_rt::{BehaviorVersion, Config, ConfigBuilder as Builder, Credentials, ProvideCredentials, Region, SharedCredentialsProvider, TlsConfig};
        pub use ::ingot_client_rt::endpoint;
        /// Retry settings.
        pub mod retry {
            pub use ::ingot_client_rt::RetryConfig;
        }
        /// Timeout settings.
        pub mod timeout {
            pub use ::ingot_client_rt::{TimeoutConfig, TimeoutConfigBuilder};
        }
        #client_params
    }
}

/// `ClientContextParams`: typed setters on the config `Builder` for the service's
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
        impl ClientContextParams for Builder {
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
            (&'static ::ingot_client_rt::__private::OperationInfo, ::ingot_client_rt::__private::EndpointCall),
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
