//! Which cargo features the build enables, approximated from the manifests alone (no resolver
//! run): a feature of a package is enabled when a workspace member or another locked package
//! asks for it in a (non-dev) dependency declaration or through a `dep/feature` entry of an
//! enabled feature, or when it is reachable from the package's `default` and someone depends on
//! it without `default-features = false`. Workspace members build with their default features.
//! Approximations: every locked package counts as built (the lockfile also holds other
//! platforms' dependencies), a request by name applies to every locked version of that name, and
//! optional dependencies forward their requests once any feature activates them.

use std::collections::{HashMap, HashSet};

use tlslint_lints::{DependencyRequest, ManifestRequests};

/// One package of the build graph: a workspace member or a locked dependency.
#[derive(Debug)]
pub struct Node<'a> {
    /// The package name.
    pub name: &'a str,
    /// Its manifest's requests, when the manifest could be read.
    pub requests: Option<&'a ManifestRequests>,
    /// Whether it is a workspace member (built with its default features).
    pub member: bool,
}

/// The enabled features of every node, each with why it is on.
#[derive(Debug, Default)]
pub struct Enabled {
    on: Vec<HashMap<String, String>>,
}

impl Enabled {
    /// Why `feature` of node `node` is enabled, or `None` when it is not.
    pub fn why(&self, node: usize, feature: &str) -> Option<&str> {
        self.on.get(node)?.get(feature).map(String::as_str)
    }
}

/// Resolves the features of `nodes`.
pub fn resolve(nodes: &[Node<'_>]) -> Enabled {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        by_name.entry(n.name).or_default().push(i);
    }
    let mut r = Resolver {
        nodes,
        by_name,
        on: vec![HashMap::new(); nodes.len()],
        activated: HashSet::new(),
        stack: Vec::new(),
    };
    for (i, n) in nodes.iter().enumerate() {
        if n.member {
            r.enable(
                i,
                "default",
                format!("a default feature of the workspace member `{}`", n.name),
            );
        }
        for d in n
            .requests
            .iter()
            .flat_map(|q| &q.deps)
            .filter(|d| !d.optional)
        {
            r.request(i, d);
        }
    }
    while let Some((node, feature)) = r.stack.pop() {
        r.expand(node, &feature);
    }
    Enabled { on: r.on }
}

struct Resolver<'n, 'a> {
    nodes: &'n [Node<'a>],
    by_name: HashMap<&'a str, Vec<usize>>,
    on: Vec<HashMap<String, String>>,
    activated: HashSet<(usize, String)>,
    stack: Vec<(usize, String)>,
}

impl Resolver<'_, '_> {
    fn enable(&mut self, node: usize, feature: &str, why: String) {
        if !self.on[node].contains_key(feature) {
            self.on[node].insert(feature.to_string(), why);
            self.stack.push((node, feature.to_string()));
        }
    }

    /// What `node` asks of the package declared by `d`.
    fn request(&mut self, node: usize, d: &DependencyRequest) {
        let who = self.who(node);
        for target in self.targets(node, &d.package) {
            for f in &d.features {
                self.enable(target, f, format!("requested by {who}"));
            }
            if d.default_features {
                self.enable(
                    target,
                    "default",
                    format!("default features requested by {who}"),
                );
            }
        }
    }

    fn who(&self, node: usize) -> String {
        let n = &self.nodes[node];
        if n.member {
            format!("the workspace member `{}`", n.name)
        } else {
            format!("`{}`", n.name)
        }
    }

    fn targets(&self, node: usize, package: &str) -> Vec<usize> {
        self.by_name
            .get(package)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&t| t != node)
            .collect()
    }

    fn activate(&mut self, node: usize, key: &str) {
        if !self.activated.insert((node, key.to_string())) {
            return;
        }
        let Some(requests) = self.nodes[node].requests else {
            return;
        };
        for d in requests.deps.iter().filter(|d| d.optional && d.key == key) {
            self.request(node, d);
        }
    }

    /// Applies what enabling `feature` of `node` enables in turn.
    fn expand(&mut self, node: usize, feature: &str) {
        let Some(requests) = self.nodes[node].requests else {
            return;
        };
        let Some((_, items)) = requests.features.iter().find(|(name, _)| name == feature) else {
            self.activate(node, feature);
            return;
        };
        let why = format!("turned on by {}'s feature `{feature}`", self.who(node));
        for item in items {
            if let Some(dep) = item.strip_prefix("dep:") {
                self.activate(node, dep);
            } else if let Some((dep, f)) = item.split_once('/') {
                let weak = dep.ends_with('?');
                let dep = dep.trim_end_matches('?');
                if !weak {
                    self.activate(node, dep);
                }
                let packages: Vec<String> = requests
                    .deps
                    .iter()
                    .filter(|d| d.key == dep)
                    .map(|d| d.package.clone())
                    .collect();
                for package in packages {
                    for target in self.targets(node, &package) {
                        self.enable(target, f, why.clone());
                    }
                }
            } else {
                let inherited = self.on[node].get(feature).cloned().unwrap_or_default();
                let why = if inherited.starts_with("turned on by its feature") {
                    inherited
                } else {
                    format!("turned on by its feature `{feature}` ({inherited})")
                };
                self.enable(node, item, why);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tlslint_lints::manifest_requests;

    #[test]
    fn follows_requests_defaults_and_feature_forwarding() {
        let app = manifest_requests("[package]\nname = \"app\"\n[dependencies]\nlib = { version = \"1\", features = [\"tls\"] }\nquiet = { version = \"1\", default-features = false }\n", None).expect("app");
        let lib = manifest_requests("[package]\nname = \"lib\"\n[dependencies]\ncore = { version = \"1\", optional = true, default-features = false }\n[features]\ntls = [\"core?/insecure\", \"dep:core\"]\n", None).expect("lib");
        let core = manifest_requests(
            "[package]\nname = \"core\"\n[features]\ndefault = [\"x\"]\ninsecure = []\n",
            None,
        )
        .expect("core");
        let quiet = manifest_requests(
            "[package]\nname = \"quiet\"\n[features]\ndefault = [\"danger\"]\ndanger = []\n",
            None,
        )
        .expect("quiet");
        let nodes = [
            Node {
                name: "app",
                requests: Some(&app),
                member: true,
            },
            Node {
                name: "lib",
                requests: Some(&lib),
                member: false,
            },
            Node {
                name: "core",
                requests: Some(&core),
                member: false,
            },
            Node {
                name: "quiet",
                requests: Some(&quiet),
                member: false,
            },
        ];
        let e = resolve(&nodes);
        assert_eq!(
            e.why(1, "tls"),
            Some("requested by the workspace member `app`")
        );
        assert_eq!(
            e.why(2, "insecure"),
            Some("turned on by `lib`'s feature `tls`")
        );
        assert_eq!(
            e.why(2, "default"),
            None,
            "core is declared with default-features = false"
        );
        assert_eq!(e.why(3, "danger"), None, "quiet's default features are off");
        assert!(e.why(1, "default").is_some());
    }
}
