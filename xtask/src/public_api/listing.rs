//! The public items of a crate as paths, following re-exports into the same crate and into the
//! other crates of a [`Crates`] map. An item reachable under several public paths is listed under
//! each: users can name it by any of them.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use super::source::{self, Crate, DefId, EntryKind, ModId};

/// Where crates' sources are: each crate's root file and the names its dependencies have in it.
#[derive(Debug, Default, Clone)]
pub struct Crates {
    pub crates: HashMap<String, CrateSrc>,
}

/// One crate (keyed by any unique string, e.g. a cargo package id).
#[derive(Debug, Clone)]
pub struct CrateSrc {
    /// The crate's `src/lib.rs`.
    pub root: PathBuf,
    /// Extern name (as written in `use`, e.g. `aws_smithy_types`) -> key in [`Crates::crates`].
    pub deps: HashMap<String, String>,
}

/// One public item: `kind path`, e.g. `type operation::get_item::GetItemError` or
/// `method types::AttributeValue::as_s`. Types (struct, enum, union, alias) share the kind `type`
/// because a re-implementation may pick another of them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Item {
    pub kind: &'static str,
    pub path: String,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.path)
    }
}

/// Every [`Item::kind`].
pub const KINDS: &[&str] = &[
    "mod", "type", "trait", "fn", "const", "static", "macro", "use", "variant", "field", "method",
    "impl",
];

/// What a path resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Mod(String, ModId),
    Def(String, DefId),
    /// A function, constant, static or macro: no members.
    Leaf(&'static str),
    /// In a crate outside the map (e.g. `std`): listed with this path, not followed.
    Extern(String),
}

/// Recursion limit of name resolution (`use` chains, globs); real crates need a handful.
const MAX_DEPTH: usize = 24;

/// Lists `root`'s public API. `notes` collects what could not be followed (missing files,
/// unresolved paths) so a caller can report it instead of silently losing items.
pub fn list(crates: &Crates, root: &str) -> Result<(BTreeSet<Item>, Vec<String>), String> {
    let mut lister = Lister {
        crates,
        loaded: HashMap::new(),
        out: BTreeSet::new(),
        notes: Vec::new(),
    };
    lister.load(root)?;
    let mut stack = HashSet::new();
    lister.walk(root, 0, "", &mut stack)?;
    let mut notes = lister.notes;
    notes.sort();
    notes.dedup();
    Ok((lister.out, notes))
}

struct Loaded {
    krate: Crate,
    /// Inherent members and trait names of each def, from the crate's impl blocks.
    members: HashMap<DefId, Vec<(&'static str, String)>>,
    /// Per module: `use` bindings by name, and glob paths.
    bindings: Vec<HashMap<String, Vec<Vec<String>>>>,
    globs: Vec<Vec<Vec<String>>>,
    /// `#[doc(hidden)]` definitions and modules: hidden under any path.
    hidden: HashSet<EntryKind>,
}

impl Loaded {
    fn new(krate: Crate) -> Self {
        let mut bindings = vec![HashMap::<String, Vec<Vec<String>>>::new(); krate.modules.len()];
        let mut globs = vec![Vec::new(); krate.modules.len()];
        let mut hidden = HashSet::new();
        for (m, module) in krate.modules.iter().enumerate() {
            for u in &module.uses {
                match &u.binding {
                    Some(b) => bindings[m]
                        .entry(b.clone())
                        .or_default()
                        .push(u.path.clone()),
                    None => globs[m].push(u.path.clone()),
                }
            }
            for e in module.entries.iter().filter(|e| e.hidden) {
                if matches!(e.kind, EntryKind::Mod(_) | EntryKind::Def(_)) {
                    hidden.insert(e.kind);
                }
            }
        }
        Loaded {
            krate,
            members: HashMap::new(),
            bindings,
            globs,
            hidden,
        }
    }
}

struct Lister<'a> {
    crates: &'a Crates,
    loaded: HashMap<String, Loaded>,
    out: BTreeSet<Item>,
    notes: Vec<String>,
}

impl Lister<'_> {
    fn load(&mut self, key: &str) -> Result<(), String> {
        if self.loaded.contains_key(key) {
            return Ok(());
        }
        let src = self
            .crates
            .crates
            .get(key)
            .ok_or_else(|| format!("unknown crate `{key}`"))?;
        let krate = source::load(&src.root)?;
        for missing in &krate.missing_files {
            self.notes.push(format!(
                "{key}: module file not found: {}",
                missing.display()
            ));
        }
        self.loaded.insert(key.to_owned(), Loaded::new(krate));
        // Impl blocks attach to the def their self type names, resolved where the impl is.
        // Taken out of the crate: they are only needed here.
        let krate = &mut self.loaded.get_mut(key).expect("loaded above").krate;
        let impls = std::mem::take(&mut krate.impls);
        for source::Impl {
            module,
            self_path,
            trait_name,
            items,
        } in impls
        {
            let Some(Target::Def(owner, def)) = self.resolve(key, module, &self_path, 0) else {
                continue;
            };
            if owner != key {
                continue;
            }
            let members = self
                .loaded
                .get_mut(key)
                .expect("loaded above")
                .members
                .entry(def)
                .or_default();
            match trait_name {
                Some(t) => members.push(("impl", t)),
                None => members.extend(items),
            }
        }
        Ok(())
    }

    fn krate(&self, key: &str) -> &Crate {
        &self.loaded[key].krate
    }

    /// Resolves `path` as written in module `m` of crate `key`.
    fn resolve(&mut self, key: &str, m: ModId, path: &[String], depth: usize) -> Option<Target> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (first, rest) = path.split_first()?;
        let mut current = match first.as_str() {
            "" => {
                // `::name`: an extern crate.
                let (name, rest2) = rest.split_first()?;
                let Some(start) = self.extern_crate(key, name) else {
                    return Some(Target::Extern(rest.join("::")));
                };
                return self.descend(start, rest2, depth);
            }
            "crate" => Target::Mod(key.to_owned(), 0),
            "self" => Target::Mod(key.to_owned(), m),
            "super" => Target::Mod(key.to_owned(), self.krate(key).modules[m].parent?),
            "Self" => return None,
            // Not a local name: an extern crate (the 2018 extern prelude).
            name => match self.lookup(key, m, name, depth) {
                Some(t) => t,
                None => match self.extern_crate(key, name) {
                    Some(t) => t,
                    None => return Some(Target::Extern(path.join("::"))),
                },
            },
        };
        let mut rest = rest;
        // `super::super::x`
        while let (Some(seg), Target::Mod(k, id)) = (rest.first(), &current) {
            if seg != "super" {
                break;
            }
            current = Target::Mod(k.clone(), self.krate(k).modules[*id].parent?);
            rest = &rest[1..];
        }
        self.descend(current, rest, depth)
    }

    fn descend(&mut self, mut current: Target, rest: &[String], depth: usize) -> Option<Target> {
        for seg in rest {
            current = match current {
                Target::Mod(k, id) => self.lookup(&k, id, seg, depth + 1)?,
                // `Enum::Variant` and associated items are not modules; stop at the type.
                Target::Def(..) => return Some(current),
                // Inside a crate outside the map: listed as a `use`, not followed.
                Target::Extern(_) => return Some(current),
                Target::Leaf(_) => return None,
            };
        }
        Some(current)
    }

    fn extern_crate(&mut self, key: &str, name: &str) -> Option<Target> {
        if matches!(name, "std" | "core" | "alloc") {
            return None;
        }
        let dep = self.crates.crates.get(key)?.deps.get(name)?.clone();
        if let Err(e) = self.load(&dep) {
            self.notes.push(format!("{dep}: {e}"));
            return None;
        }
        Some(Target::Mod(dep, 0))
    }

    /// A name in module `m`: its own items, then its `use` bindings, then its globs.
    fn lookup(&mut self, key: &str, m: ModId, name: &str, depth: usize) -> Option<Target> {
        if depth > MAX_DEPTH {
            return None;
        }
        let module = &self.krate(key).modules[m];
        // Types and modules first: a path continues through them.
        let mut found: Option<Target> = None;
        for e in module.entries.iter().filter(|e| e.name == name) {
            let t = entry_target(key, e.kind);
            let better = matches!(t, Target::Mod(..) | Target::Def(..));
            if found.is_none() || better {
                found = Some(t);
            }
            if better {
                break;
            }
        }
        if found.is_some() {
            return found;
        }
        let loaded = &self.loaded[key];
        let named = loaded.bindings[m].get(name).cloned().unwrap_or_default();
        let globs = loaded.globs[m].clone();
        for path in named {
            if let Some(t) = self.resolve(key, m, &path, depth + 1) {
                return Some(t);
            }
        }
        for path in globs {
            if let Some(Target::Mod(k, id)) = self.resolve(key, m, &path, depth + 1) {
                if (k.as_str(), id) == (key, m) {
                    continue;
                }
                if let Some(t) = self.lookup(&k, id, name, depth + 1) {
                    return Some(t);
                }
            }
        }
        None
    }

    /// Lists the public names of module `m` of crate `key` under `prefix`.
    fn walk(
        &mut self,
        key: &str,
        m: ModId,
        prefix: &str,
        stack: &mut HashSet<(String, ModId)>,
    ) -> Result<(), String> {
        if !stack.insert((key.to_owned(), m)) {
            return Ok(());
        }
        let module = &self.krate(key).modules[m];
        let entries: Vec<(String, EntryKind)> = module
            .entries
            .iter()
            .filter(|e| e.public && !e.hidden)
            .map(|e| (e.name.clone(), e.kind))
            .collect();
        let uses: Vec<_> = module
            .uses
            .iter()
            .filter(|u| u.public && !u.hidden)
            .cloned()
            .collect();
        for (name, kind) in entries {
            let target = entry_target(key, kind);
            self.emit(&join(prefix, &name), target, stack)?;
        }
        for u in uses {
            let resolved = self.resolve(key, m, &u.path, 0);
            match (&u.binding, &resolved) {
                (Some(binding), None) => {
                    self.notes.push(format!(
                        "{key}: unresolved re-export `{}`",
                        u.path.join("::")
                    ));
                    let path = format!("{} = {}", join(prefix, binding), u.path.join("::"));
                    self.out.insert(Item { kind: "use", path });
                }
                (Some(binding), Some(target)) => {
                    self.emit(&join(prefix, binding), target.clone(), stack)?
                }
                (None, Some(Target::Mod(k, id))) => self.walk_glob(k, *id, prefix, stack)?,
                (None, Some(Target::Extern(source))) => {
                    let path = format!("{} = {source}::*", join(prefix, "*"));
                    self.out.insert(Item { kind: "use", path });
                }
                (None, _) => self
                    .notes
                    .push(format!("{key}: unresolved glob `{}::*`", u.path.join("::"))),
            }
        }
        stack.remove(&(key.to_owned(), m));
        Ok(())
    }

    /// `pub use x::*`: the public names of `x`, listed as if defined here.
    fn walk_glob(
        &mut self,
        key: &str,
        m: ModId,
        prefix: &str,
        stack: &mut HashSet<(String, ModId)>,
    ) -> Result<(), String> {
        self.walk(key, m, prefix, stack)
    }

    fn emit(
        &mut self,
        path: &str,
        target: Target,
        stack: &mut HashSet<(String, ModId)>,
    ) -> Result<(), String> {
        match target {
            Target::Mod(k, id) => {
                if self.is_hidden_def_or_mod(&k, EntryKind::Mod(id)) {
                    return Ok(());
                }
                self.out.insert(Item {
                    kind: "mod",
                    path: path.to_owned(),
                });
                self.walk(&k, id, path, stack)?;
            }
            Target::Def(k, id) => {
                if self.is_hidden_def_or_mod(&k, EntryKind::Def(id)) {
                    return Ok(());
                }
                let def = &self.krate(&k).defs[id];
                let kind = if def.is_trait { "trait" } else { "type" };
                self.out.insert(Item {
                    kind,
                    path: path.to_owned(),
                });
                for (kind, member) in self.members(&k, id, 0) {
                    let path = if kind == "impl" {
                        format!("{path}: {member}")
                    } else {
                        format!("{path}::{member}")
                    };
                    self.out.insert(Item { kind, path });
                }
            }
            Target::Leaf(kind) => {
                self.out.insert(Item {
                    kind,
                    path: path.to_owned(),
                });
            }
            // Not followed (std, or a crate outside the map): the source path says whose it is.
            Target::Extern(source) => {
                self.out.insert(Item {
                    kind: "use",
                    path: format!("{path} = {source}"),
                });
            }
        }
        Ok(())
    }

    /// A re-export of a `#[doc(hidden)]` definition stays hidden.
    fn is_hidden_def_or_mod(&self, key: &str, kind: EntryKind) -> bool {
        self.loaded[key].hidden.contains(&kind)
    }

    /// A def's own members, its impls' members and, for an alias, the aliased type's.
    fn members(&mut self, key: &str, id: DefId, depth: usize) -> Vec<(&'static str, String)> {
        let def = &self.krate(key).defs[id];
        let mut out = def.members.clone();
        out.extend(
            self.loaded[key]
                .members
                .get(&id)
                .cloned()
                .unwrap_or_default(),
        );
        if let (Some(alias), true) = (def.alias_of.clone(), depth < 4) {
            let module = def.module;
            if let Some(Target::Def(k, target)) = self.resolve(key, module, &alias, 0) {
                if (k.as_str(), target) != (key, id) {
                    out.extend(self.members(&k, target, depth + 1));
                }
            }
        }
        out
    }
}

fn entry_target(key: &str, kind: EntryKind) -> Target {
    match kind {
        EntryKind::Mod(id) => Target::Mod(key.to_owned(), id),
        EntryKind::Def(id) => Target::Def(key.to_owned(), id),
        EntryKind::Fn => Target::Leaf("fn"),
        EntryKind::Const => Target::Leaf("const"),
        EntryKind::Static => Target::Leaf("static"),
        EntryKind::Macro => Target::Leaf("macro"),
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}::{name}")
    }
}
