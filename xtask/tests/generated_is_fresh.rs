//! `generated/` must be exactly what the models under `model/` produce.

#[test]
fn generated_is_fresh() {
    let root = xtask::gen::workspace_root();
    if let Err(message) = xtask::gen::run(&root, xtask::gen::Mode::Check) {
        panic!("{message}");
    }
}
