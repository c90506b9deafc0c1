//! Paginators: one generic loop behind every generated `into_paginator()`, and the stream type
//! paginators return ([`PaginationStream`], as the SDK's).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{self, Stream, StreamExt};

use crate::SdkError;

/// Where a paginated operation keeps its tokens: generated per operation.
pub trait Paginated: Clone + Send + 'static {
    /// The operation's output (one page).
    type Output: Send + 'static;
    /// The token type: a string for most services, a key map for DynamoDB.
    type Token: Clone + PartialEq + Send + 'static;
    /// The next-page token a page carries, if any.
    fn next_token(output: &Self::Output) -> Option<&Self::Token>;
    /// An empty token (`""`, `{}`) means there is no next page.
    fn is_empty(token: &Self::Token) -> bool;
    /// Puts a token into the input for the next request.
    fn set_token(&mut self, token: Self::Token);
}

/// Pages of `input`, each fetched with `send`, until the service returns no token, an empty
/// token, or the token it was just given (a service bug that would otherwise loop forever).
/// An error ends the stream after it is yielded.
pub fn pages<I, E, F, Fut>(
    input: I,
    send: F,
) -> impl Stream<Item = Result<I::Output, SdkError<E>>> + Send
where
    I: Paginated,
    E: Send + 'static,
    F: Fn(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<I::Output, SdkError<E>>> + Send,
{
    let state = Some((input, None::<I::Token>));
    stream::unfold((state, send), |(state, send)| async move {
        let (input, sent_token) = state?;
        match send(input.clone()).await {
            Ok(page) => {
                let next = match I::next_token(&page) {
                    Some(token) if !I::is_empty(token) && Some(token) != sent_token.as_ref() => {
                        let mut next_input = input;
                        next_input.set_token(token.clone());
                        Some((next_input, Some(token.clone())))
                    }
                    _ => None,
                };
                Some((Ok(page), (next, send)))
            }
            Err(e) => Some((Err(e), (None, send))),
        }
    })
}

/// The items of every page, flattened; `items` picks a page's items.
pub fn items<P, T, E, F>(pages: P, items: F) -> impl Stream<Item = Result<T, SdkError<E>>> + Send
where
    P: Stream + Send,
    T: Send,
    E: Send,
    F: Fn(P::Item) -> Result<Vec<T>, SdkError<E>> + Send,
{
    pages.flat_map(move |page| {
        let batch: Vec<Result<T, SdkError<E>>> = match items(page) {
            Ok(list) => list.into_iter().map(Ok).collect(),
            Err(e) => vec![Err(e)],
        };
        stream::iter(batch)
    })
}

/// The pages (or items) of a paginator, as the SDK's `PaginationStream`: `next().await` yields
/// one at a time, `collect()` / `try_collect()` gather them all. It is also a
/// `futures::Stream`, for the stream combinators.
pub struct PaginationStream<Item> {
    inner: Pin<Box<dyn Stream<Item = Item> + Send>>,
}

impl<Item> fmt::Debug for PaginationStream<Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaginationStream").finish_non_exhaustive()
    }
}

impl<Item> PaginationStream<Item> {
    /// Wraps a stream.
    #[doc(hidden)]
    pub fn new(stream: impl Stream<Item = Item> + Send + 'static) -> Self {
        Self {
            inner: Box::pin(stream),
        }
    }

    /// The next page or item; `None` once the paginator is done (after an error, it is done).
    pub async fn next(&mut self) -> Option<Item> {
        self.inner.next().await
    }

    /// Every remaining page or item.
    pub async fn collect<C: FromIterator<Item>>(self) -> C {
        let items: Vec<Item> = StreamExt::collect(self.inner).await;
        items.into_iter().collect()
    }
}

impl<T, E> PaginationStream<Result<T, E>> {
    /// The next page or item, or the error that ended the pagination.
    pub async fn try_next(&mut self) -> Result<Option<T>, E> {
        self.next().await.transpose()
    }

    /// Every remaining page or item, or the first error.
    pub async fn try_collect(self) -> Result<Vec<T>, E> {
        self.collect::<Result<Vec<T>, E>>().await
    }
}

impl<Item> Stream for PaginationStream<Item> {
    type Item = Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // test pages carry the full SdkError, as generated code does
mod tests {
    use super::*;
    use crate::ConstructionFailure;

    #[derive(Clone)]
    struct Input {
        token: Option<String>,
    }
    impl Paginated for Input {
        type Output = (Vec<u32>, Option<String>);
        type Token = String;
        fn next_token(output: &Self::Output) -> Option<&String> {
            output.1.as_ref()
        }
        fn is_empty(token: &String) -> bool {
            token.is_empty()
        }
        fn set_token(&mut self, token: String) {
            self.token = Some(token);
        }
    }

    fn run<S: Stream>(s: S) -> Vec<S::Item> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(s.collect::<Vec<_>>())
    }

    #[test]
    fn follows_tokens_until_absent_and_flattens_items() {
        let send = |input: Input| async move {
            let page = match input.token.as_deref() {
                None => (vec![1, 2], Some("a".to_owned())),
                Some("a") => (vec![3], Some("b".to_owned())),
                _ => (vec![4], None),
            };
            Ok::<_, SdkError<()>>(page)
        };
        let got: Vec<u32> = run(items(pages(Input { token: None }, send), |p| {
            p.map(|(v, _)| v)
        }))
        .into_iter()
        .map(|r| r.ok().unwrap())
        .collect();
        assert_eq!(got, [1, 2, 3, 4]);
    }

    #[test]
    fn pagination_stream_reads_as_the_sdks() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let stream = || PaginationStream::new(stream::iter([Ok(1), Ok(2), Err("boom"), Ok(3)]));
        rt.block_on(async {
            let mut s = stream();
            assert_eq!(s.next().await, Some(Ok(1)));
            assert_eq!(s.try_next().await, Ok(Some(2)));
            assert_eq!(s.try_next().await, Err("boom"));
            assert_eq!(s.try_next().await, Ok(Some(3)));
            assert_eq!(s.next().await, None);
            assert_eq!(stream().try_collect().await, Err("boom"));
            let all: Vec<Result<i32, &str>> = stream().collect().await;
            assert_eq!(all.len(), 4);
            let ok = PaginationStream::new(stream::iter([Ok::<_, ()>(1), Ok(2)]));
            assert_eq!(ok.try_collect().await, Ok(vec![1, 2]));
        });
    }

    #[test]
    fn stops_on_a_repeated_or_empty_token() {
        let repeat =
            |_: Input| async move { Ok::<_, SdkError<()>>((vec![1], Some("same".to_owned()))) };
        assert_eq!(run(pages(Input { token: None }, repeat)).len(), 2);
        let empty = |_: Input| async move { Ok::<_, SdkError<()>>((vec![1], Some(String::new()))) };
        assert_eq!(run(pages(Input { token: None }, empty)).len(), 1);
    }

    #[test]
    fn an_error_ends_the_stream() {
        let fail = |_: Input| async move {
            Err::<(Vec<u32>, Option<String>), _>(SdkError::<()>::ConstructionFailure(
                ConstructionFailure::new("boom", None),
            ))
        };
        let got = run(pages(Input { token: None }, fail));
        assert_eq!(got.len(), 1);
        assert!(got[0].is_err());
    }
}
