//! The generated model types read and build as the AWS SDK's do (the kitchen-sink fixture has
//! every kind of member): accessors, appending list and map builders, and what `build()` fails on.

use kitchensink_server::input::DoEverythingInput;
use kitchensink_server::output::DoEverythingOutput;
use kitchensink_server::types::{Choice, Color, Node};

#[test]
fn absent_members_read_as_the_sdk_accessors_answer() {
    let out = DoEverythingOutput::builder()
        .r#type("t")
        .build()
        .expect("type is set");
    // Lists: an empty slice, and the field still tells that nothing was sent.
    assert_eq!(out.list(), &[] as &[String]);
    assert!(out.list.is_none());
    assert!(out.sparse().is_empty());
    // Maps, strings, numbers, structures: `None`.
    assert_eq!(out.map(), None);
    assert_eq!(out.str(), None);
    assert_eq!(out.int(), None);
    assert_eq!(out.nested(), None);
    // Required and defaulted members are plain values.
    assert_eq!(out.r#type(), "t");
    assert_eq!(out.long(), 0);
    assert_eq!(out.color(), &Color::from("red"));
    assert!(out.flags().is_empty());
}

#[test]
fn list_and_map_builders_append_one_entry_and_set_replaces() {
    let out = DoEverythingOutput::builder()
        .r#type("t")
        .list("a")
        .list(String::from("b"))
        .sparse(None)
        .sparse(Some("x".into()))
        .map(Color::from("red"), 1)
        .map(Color::from("dark-blue"), 2)
        .map(Color::from("red"), 3)
        .flags(true)
        .flags(false)
        .str("s")
        .int(7)
        .build()
        .expect("type is set");
    assert_eq!(out.list(), ["a", "b"]);
    assert_eq!(out.sparse(), [None, Some("x".to_owned())]);
    let map = out.map().expect("map was set");
    assert_eq!(map.len(), 2);
    assert_eq!(map.get(&Color::from("red")), Some(&3));
    assert_eq!(out.flags(), [true, false]);
    assert_eq!(out.str(), Some("s"));
    assert_eq!(out.int(), Some(7));

    let replaced = DoEverythingOutput::builder()
        .list("a")
        .set_list(Some(vec!["z".into()]))
        .r#type("t")
        .build()
        .expect("type is set");
    assert_eq!(replaced.list(), ["z"]);
    let builder = DoEverythingInput::builder().list("a").list("b");
    assert_eq!(
        builder.get_list().as_deref(),
        Some(&["a".into(), "b".into()][..])
    );
}

#[test]
fn model_type_build_fails_on_a_missing_required_member_with_the_sdk_message() {
    let err = Node::builder().build().expect_err("value is required");
    assert_eq!(
        err.to_string(),
        "value was missing: value was not specified but it is required when building Node"
    );
    let err = DoEverythingOutput::builder()
        .build()
        .expect_err("type is required");
    assert_eq!(
        err.to_string(),
        "type was missing: type was not specified but it is required when building DoEverythingOutput"
    );
    let node = Node::builder()
        .value("v")
        .children(Node::builder().value("c").build().expect("value is set"))
        .build()
        .expect("value is set");
    assert_eq!(node.value(), "v");
    assert_eq!(node.children().len(), 1);
    assert_eq!(node.next(), None);
}

#[test]
fn input_build_never_fails_and_every_member_is_optional() {
    // `type` is required in the model; an input still builds without it (the SDK's rule: the
    // client checks required members before sending, see cognito-tests' construction test).
    let input = DoEverythingInput::builder()
        .build()
        .expect("inputs build without required members");
    assert_eq!(input.r#type(), None);
    assert_eq!(input.long(), None);
    assert!(input.flags().is_empty());
    assert_eq!(input.choice(), None);
}

#[test]
fn unions_answer_is_and_as_per_variant() {
    let choice = Choice::Name("n".into());
    assert!(choice.is_name());
    assert!(!choice.is_nothing());
    assert_eq!(choice.as_name().map(String::as_str), Ok("n"));
    assert_eq!(choice.as_nothing(), Err(&choice));
    assert_eq!(Choice::Nothing.as_nothing(), Ok(&()));
}

#[test]
fn enums_list_their_values_and_refuse_unknown_ones_when_asked() {
    assert_eq!(Color::values(), ["red", "dark-blue", "unknown"]);
    assert_eq!(
        Color::try_parse("mauve").map_err(|e| e.to_string()),
        Err("unknown enum variant: 'mauve'".to_owned())
    );
    assert_eq!(Color::from("mauve").as_str(), "mauve");
}
