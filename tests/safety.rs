//! It never executes anything from the scanned tree: a hostile `.cargo/config.toml`
//! (`rustc-wrapper`, `rustc`), a `rust-toolchain.toml` naming a toolchain directory whose `cargo`
//! and `rustc` are scripts, and a `build.rs` all stay unrun, while the tree's finding is reported.

#![cfg(unix)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use support::{Fixture, tlslint};

fn executable(path: &Path, marker: &Path) {
    std::fs::write(
        path,
        format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
    )
    .expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn hostile_tree_runs_nothing() {
    let fx = Fixture::new()
        .file("Cargo.toml", "[package]\nname = \"h\"\nversion = \"0.1.0\"\nedition = \"2021\"\nbuild = \"build.rs\"\n\n[workspace]\n")
        .file("src/lib.rs", "pub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n")
        .file("toolchain/bin/.keep", "");
    let marker = fx.path("PWNED");
    executable(&fx.path("toolchain/bin/cargo"), &marker);
    executable(&fx.path("toolchain/bin/rustc"), &marker);
    executable(&fx.path("wrapper.sh"), &marker);
    fx.write(
        "build.rs",
        format!(
            "fn main() {{ std::fs::write({:?}, \"x\").unwrap(); }}\n",
            marker.display().to_string()
        )
        .as_bytes(),
    );
    fx.write(
        ".cargo/config.toml",
        format!(
            "[build]\nrustc-wrapper = {:?}\nrustc = {:?}\n",
            fx.path("wrapper.sh").display().to_string(),
            fx.path("toolchain/bin/rustc").display().to_string()
        )
        .as_bytes(),
    );
    fx.write(
        "rust-toolchain.toml",
        format!(
            "[toolchain]\npath = {:?}\n",
            fx.path("toolchain").display().to_string()
        )
        .as_bytes(),
    );

    // Without `$CARGO`, the `cargo` on PATH (a rustup proxy on developer machines) is used: it
    // would pick the tree's toolchain if it were started from inside the tree.
    for cargo_env in [None, std::env::var_os("CARGO")] {
        let mut cmd = tlslint();
        cmd.current_dir(fx.root())
            .args(["tlslint", "--color", "never"]);
        match &cargo_env {
            Some(c) => cmd.env("CARGO", c),
            None => cmd.env_remove("CARGO"),
        };
        let out = support::Run::from(cmd.output().expect("run"));
        assert_eq!(
            out.finding_lines(),
            vec!["TLS101 src/lib.rs:1:49"],
            "{}",
            out.stderr
        );
        assert_eq!(out.code, 1);
        // Paths mode asks cargo for the package's targets for JSON output, and `init` for the
        // workspace root: the same call.
        let mut json = tlslint();
        json.current_dir(fx.root())
            .args(["tlslint", "--message-format", "json", "src/lib.rs"]);
        let mut init = tlslint();
        init.current_dir(fx.root()).args(["tlslint", "init"]);
        for cmd in [&mut json, &mut init] {
            match &cargo_env {
                Some(c) => cmd.env("CARGO", c),
                None => cmd.env_remove("CARGO"),
            };
        }
        let json = support::Run::from(json.output().expect("run"));
        assert_eq!(json.code, 1, "{}", json.stderr);
        assert!(
            json.stdout.contains("\"package_id\":\"path+file://"),
            "cargo described the package: {}",
            json.stdout
        );
        let init = support::Run::from(init.output().expect("run"));
        assert_eq!(init.code, 0, "{}", init.stderr);
        std::fs::remove_file(fx.path("tlslint.toml")).expect("written by init");
        assert!(
            !marker.exists(),
            "something from the scanned tree was executed (CARGO={cargo_env:?})"
        );
    }
}
