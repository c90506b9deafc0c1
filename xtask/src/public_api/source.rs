//! One crate's source as a module tree: which names each module defines, imports and
//! re-exports, and its impl blocks. Follows `mod x;` files (with `#[path]`) and inline modules;
//! drops `#[cfg(test)]` code. Nothing is resolved here (see `listing.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use syn::{Attribute, Fields, ImplItem, Item, TraitItem, UseTree, Visibility};

/// Index of a module in [`Crate::modules`].
pub type ModId = usize;
/// Index of a type or trait in [`Crate::defs`].
pub type DefId = usize;

#[derive(Debug, Default)]
pub struct Crate {
    /// `modules[0]` is the crate root.
    pub modules: Vec<Module>,
    pub defs: Vec<Def>,
    pub impls: Vec<Impl>,
    /// Files that a `mod x;` names but that do not exist (usually behind a `cfg`).
    pub missing_files: Vec<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Module {
    pub parent: Option<ModId>,
    pub entries: Vec<Entry>,
    pub uses: Vec<Use>,
}

/// A name a module defines.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub public: bool,
    pub hidden: bool,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Mod(ModId),
    Def(DefId),
    Fn,
    Const,
    Static,
    Macro,
}

/// A `use` item flattened: one binding (or glob) per leaf of its tree.
#[derive(Debug, Clone)]
pub struct Use {
    /// The path as written; a leading `::` is kept as an empty first segment.
    pub path: Vec<String>,
    /// The name it binds, or `None` for a glob (`path::*`).
    pub binding: Option<String>,
    pub public: bool,
    pub hidden: bool,
}

/// A struct, enum, union, type alias or trait with what its own definition declares.
#[derive(Debug)]
pub struct Def {
    pub module: ModId,
    pub is_trait: bool,
    /// `(kind, name)`: enum variants, public named fields, trait items, derived traits
    /// (`("impl", "Debug")`).
    pub members: Vec<(&'static str, String)>,
    /// The aliased path of a `type X = path::Y<..>;`, whose members X shares.
    pub alias_of: Option<Vec<String>>,
}

/// An impl block: the self type's path (generics dropped) and what it adds.
#[derive(Debug)]
pub struct Impl {
    pub module: ModId,
    pub self_path: Vec<String>,
    /// The trait's last path segment, for `impl Trait for Type`.
    pub trait_name: Option<String>,
    /// Public, visible associated items of an inherent impl: `(kind, name)`.
    pub items: Vec<(&'static str, String)>,
}

/// Parses the crate whose root file is `root` (`src/lib.rs`).
pub fn load(root: &Path) -> Result<Crate, String> {
    let mut krate = Crate::default();
    krate.modules.push(Module::default());
    let file = parse_file(root)?;
    let dir = root.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut loader = Loader { krate: &mut krate };
    loader.items(0, &file.items, &dir, &dir)?;
    Ok(krate)
}

fn parse_file(path: &Path) -> Result<syn::File, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))
}

struct Loader<'a> {
    krate: &'a mut Crate,
}

impl Loader<'_> {
    /// Adds `items` to module `m`. `child_dir` is where `mod x;` files of `m` live; `path_dir` is
    /// what a `#[path]` on them is relative to.
    fn items(
        &mut self,
        m: ModId,
        items: &[Item],
        child_dir: &Path,
        path_dir: &Path,
    ) -> Result<(), String> {
        for item in items {
            if is_test_only(item_attrs(item)) {
                continue;
            }
            match item {
                Item::Mod(module) => self.module(m, module, child_dir, path_dir)?,
                Item::Struct(s) => {
                    let members = match &s.fields {
                        Fields::Named(named) => named
                            .named
                            .iter()
                            .filter(|f| is_pub(&f.vis) && !is_hidden(&f.attrs))
                            .filter_map(|f| f.ident.as_ref())
                            .map(|i| ("field", i.to_string()))
                            .collect(),
                        _ => Vec::new(),
                    };
                    let mut members: Vec<_> = members;
                    members.extend(derives(&s.attrs));
                    self.def(m, &s.ident, &s.vis, &s.attrs, false, members, None);
                }
                Item::Enum(e) => {
                    let mut members: Vec<_> = e
                        .variants
                        .iter()
                        .filter(|v| !is_hidden(&v.attrs) && !is_test_only(&v.attrs))
                        .map(|v| ("variant", v.ident.to_string()))
                        .collect();
                    members.extend(derives(&e.attrs));
                    self.def(m, &e.ident, &e.vis, &e.attrs, false, members, None);
                }
                Item::Union(u) => self.def(
                    m,
                    &u.ident,
                    &u.vis,
                    &u.attrs,
                    false,
                    derives(&u.attrs),
                    None,
                ),
                Item::Type(t) => {
                    let alias = match &*t.ty {
                        syn::Type::Path(p) if p.qself.is_none() => Some(path_segments(&p.path)),
                        _ => None,
                    };
                    self.def(m, &t.ident, &t.vis, &t.attrs, false, Vec::new(), alias);
                }
                Item::Trait(t) => {
                    let members = t
                        .items
                        .iter()
                        .filter_map(|i| match i {
                            TraitItem::Fn(f) if !is_hidden(&f.attrs) => {
                                Some(("method", f.sig.ident.to_string()))
                            }
                            TraitItem::Const(c) if !is_hidden(&c.attrs) => {
                                Some(("const", c.ident.to_string()))
                            }
                            TraitItem::Type(t) if !is_hidden(&t.attrs) => {
                                Some(("type", t.ident.to_string()))
                            }
                            _ => None,
                        })
                        .collect();
                    self.def(m, &t.ident, &t.vis, &t.attrs, true, members, None);
                }
                Item::Fn(f) => self.entry(m, &f.sig.ident, &f.vis, &f.attrs, EntryKind::Fn),
                Item::Const(c) => self.entry(m, &c.ident, &c.vis, &c.attrs, EntryKind::Const),
                Item::Static(s) => self.entry(m, &s.ident, &s.vis, &s.attrs, EntryKind::Static),
                Item::Macro(mac) => {
                    // Only `#[macro_export]` macros are public, and they live at the crate root.
                    let exported = mac.attrs.iter().any(|a| a.path().is_ident("macro_export"));
                    if let (Some(ident), true) = (&mac.ident, exported) {
                        self.krate.modules[0].entries.push(Entry {
                            name: ident.to_string(),
                            public: true,
                            hidden: is_hidden(&mac.attrs),
                            kind: EntryKind::Macro,
                        });
                    }
                }
                Item::Use(u) => {
                    let mut flat = Vec::new();
                    flatten_use(&u.tree, Vec::new(), u.leading_colon.is_some(), &mut flat);
                    let (public, hidden) = (is_pub(&u.vis), is_hidden(&u.attrs));
                    for (path, binding) in flat {
                        self.krate.modules[m].uses.push(Use {
                            path,
                            binding,
                            public,
                            hidden,
                        });
                    }
                }
                Item::Impl(i) => self.impl_block(m, i),
                _ => {}
            }
        }
        Ok(())
    }

    fn module(
        &mut self,
        parent: ModId,
        module: &syn::ItemMod,
        child_dir: &Path,
        path_dir: &Path,
    ) -> Result<(), String> {
        let id = self.krate.modules.len();
        self.krate.modules.push(Module {
            parent: Some(parent),
            ..Module::default()
        });
        self.entry(
            parent,
            &module.ident,
            &module.vis,
            &module.attrs,
            EntryKind::Mod(id),
        );
        let name = module.ident.to_string();
        let explicit = path_attr(&module.attrs);
        if let Some((_, items)) = &module.content {
            // Inline: its `mod x;` files live in a folder named after it.
            let dir = match &explicit {
                Some(p) => path_dir.join(p),
                None => child_dir.join(&name),
            };
            return self.items(id, items, &dir, &dir);
        }
        let candidates = match &explicit {
            Some(p) => vec![path_dir.join(p)],
            None => vec![
                child_dir.join(format!("{name}.rs")),
                child_dir.join(&name).join("mod.rs"),
            ],
        };
        let Some(file) = candidates.iter().find(|p| p.is_file()) else {
            self.krate.missing_files.push(candidates[0].clone());
            return Ok(());
        };
        let parsed = parse_file(file)?;
        let parent_dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        // `x/mod.rs` and `#[path]` files keep their children beside them; `x.rs` in `x/`.
        let dir = if explicit.is_some() || file.ends_with("mod.rs") {
            parent_dir.clone()
        } else {
            parent_dir.join(&name)
        };
        self.items(id, &parsed.items, &dir, &parent_dir)
    }

    #[allow(clippy::too_many_arguments)]
    fn def(
        &mut self,
        m: ModId,
        ident: &syn::Ident,
        vis: &Visibility,
        attrs: &[Attribute],
        is_trait: bool,
        members: Vec<(&'static str, String)>,
        alias_of: Option<Vec<String>>,
    ) {
        let id = self.krate.defs.len();
        self.krate.defs.push(Def {
            module: m,
            is_trait,
            members,
            alias_of,
        });
        self.entry(m, ident, vis, attrs, EntryKind::Def(id));
    }

    fn entry(
        &mut self,
        m: ModId,
        ident: &syn::Ident,
        vis: &Visibility,
        attrs: &[Attribute],
        kind: EntryKind,
    ) {
        self.krate.modules[m].entries.push(Entry {
            name: ident.to_string(),
            public: is_pub(vis),
            hidden: is_hidden(attrs),
            kind,
        });
    }

    fn impl_block(&mut self, m: ModId, block: &syn::ItemImpl) {
        let syn::Type::Path(self_ty) = &*block.self_ty else {
            return;
        };
        if self_ty.qself.is_some() || is_hidden(&block.attrs) {
            return;
        }
        let trait_name = block
            .trait_
            .as_ref()
            .and_then(|(_, path, _)| path.segments.last())
            .map(|s| s.ident.to_string());
        let items = if trait_name.is_some() {
            Vec::new()
        } else {
            block
                .items
                .iter()
                .filter_map(|item| match item {
                    ImplItem::Fn(f)
                        if is_pub(&f.vis) && !is_hidden(&f.attrs) && !is_test_only(&f.attrs) =>
                    {
                        Some(("method", f.sig.ident.to_string()))
                    }
                    ImplItem::Const(c) if is_pub(&c.vis) && !is_hidden(&c.attrs) => {
                        Some(("const", c.ident.to_string()))
                    }
                    _ => None,
                })
                .collect()
        };
        self.krate.impls.push(Impl {
            module: m,
            self_path: path_segments(&self_ty.path),
            trait_name,
            items,
        });
    }
}

/// Segments of a path without generics; a leading `::` becomes an empty first segment.
fn path_segments(path: &syn::Path) -> Vec<String> {
    let mut out = Vec::new();
    if path.leading_colon.is_some() {
        out.push(String::new());
    }
    out.extend(path.segments.iter().map(|s| s.ident.to_string()));
    out
}

fn flatten_use(
    tree: &UseTree,
    prefix: Vec<String>,
    leading: bool,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let start = |prefix: &Vec<String>| {
        let mut p = Vec::new();
        if leading {
            p.push(String::new());
        }
        p.extend(prefix.iter().cloned());
        p
    };
    match tree {
        UseTree::Path(p) => {
            let mut next = prefix;
            next.push(p.ident.to_string());
            flatten_use(&p.tree, next, leading, out);
        }
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                // `use a::b::{self}` binds `b`.
                if let Some(last) = prefix.last().cloned() {
                    out.push((start(&prefix), Some(last)));
                }
            } else {
                let mut path = start(&prefix);
                path.push(name.clone());
                out.push((path, Some(name)));
            }
        }
        UseTree::Rename(r) => {
            let alias = r.rename.to_string();
            if alias == "_" {
                return;
            }
            let mut path = start(&prefix);
            if r.ident != "self" {
                path.push(r.ident.to_string());
            }
            out.push((path, Some(alias)));
        }
        UseTree::Glob(_) => out.push((start(&prefix), None)),
        UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix.clone(), leading, out);
            }
        }
    }
}

/// `#[derive(A, b::C)]` as implemented traits `("impl", "A")`, `("impl", "C")`, like impl blocks.
fn derives(attrs: &[Attribute]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let parsed = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        );
        for path in parsed.into_iter().flatten() {
            if let Some(last) = path.segments.last() {
                out.push(("impl", last.ident.to_string()));
            }
        }
    }
    out
}

/// `pub` exactly: `pub(crate)`, `pub(super)` and `pub(in ..)` are not public API.
fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

/// `#[doc(hidden)]`.
pub fn is_hidden(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "hidden")
    })
}

/// `#[cfg(test)]` (and `#[cfg(doctest)]`): never part of a build users see. Other `cfg`s, such
/// as cargo features, are kept: a feature-gated item is public API.
fn is_test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Ident>()
                .is_ok_and(|i| i == "test" || i == "doctest")
    })
}

fn path_attr(attrs: &[Attribute]) -> Option<String> {
    attrs
        .iter()
        .find(|a| a.path().is_ident("path"))
        .and_then(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
}

fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}
