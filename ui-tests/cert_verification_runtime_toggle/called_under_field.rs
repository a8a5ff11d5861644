// A private helper that switches verification off whenever it runs, called only under a
// condition on a field (`if self.insecure { self.insecure_client() }`), is settled by the values
// the package gives that field, as the setting written under the same condition is: a field the
// package only ever sets to `true` is the constant finding (TLS101) labelled where it is set; one
// only ever `false` is no finding; one filled from input or by code outside the package is the
// run-time finding (TLS104) naming where it gets its value. Each case puts the two spellings
// side by side.

// (a) Only ever `true`, in a struct literal: TLS101 for both spellings, labelled at the literal.
struct Forced {
    insecure: bool,
}

impl Forced {
    fn new() -> Forced {
        Forced { insecure: true }
    }

    pub fn inline(&self) -> reqwest::Client {
        let mut builder = reqwest::Client::builder();
        if self.insecure {
            builder = builder.danger_accept_invalid_certs(true);
            //~^ cert_verification_disabled
        }
        builder.build().unwrap()
    }

    pub fn through_helper(&self) -> reqwest::Client {
        if self.insecure {
            self.insecure_client()
        } else {
            reqwest::Client::new()
        }
    }

    fn insecure_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            //~^ cert_verification_disabled
            .build()
            .unwrap()
    }
}

pub fn forced() -> reqwest::Client {
    Forced::new().through_helper()
}

// (a) Only ever `true`, from `Default` and read through a parameter (`cfg: &Defaults`).
struct Defaults {
    skip_verify: bool,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults { skip_verify: true }
    }
}

pub fn defaults_inline(cfg: &Defaults) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if cfg.skip_verify {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_disabled
    }
    builder.build().unwrap()
}

fn skipping_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_disabled
        .build()
        .unwrap()
}

pub fn defaults_helper(cfg: &Defaults) -> reqwest::Client {
    if cfg.skip_verify {
        skipping_client()
    } else {
        reqwest::Client::new()
    }
}

// (b) Only ever `false`: the setting never runs in either spelling, no finding.
struct Strict {
    insecure: bool,
}

impl Strict {
    fn new() -> Strict {
        Strict { insecure: false }
    }

    pub fn inline(&self) -> reqwest::Client {
        let mut builder = reqwest::Client::builder();
        if self.insecure {
            builder = builder.danger_accept_invalid_certs(true);
        }
        builder.build().unwrap()
    }

    pub fn through_helper(&self) -> reqwest::Client {
        if self.insecure {
            self.insecure_client()
        } else {
            reqwest::Client::new()
        }
    }

    fn insecure_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap()
    }
}

pub fn strict() -> reqwest::Client {
    Strict::new().through_helper()
}

// (c) Filled from the command line by a clap derive: TLS104 for both spellings, naming it.
#[derive(clap::Parser)]
struct Cli {
    #[arg(long)]
    insecure: bool,
}

fn cli_inline(cli: &Cli) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if cli.insecure {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder.build().unwrap()
}

fn cli_insecure_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

fn cli_helper(cli: &Cli) -> reqwest::Client {
    if cli.insecure {
        cli_insecure_client()
    } else {
        reqwest::Client::new()
    }
}

pub fn cli(cli: &Cli) -> (reqwest::Client, reqwest::Client) {
    (cli_inline(cli), cli_helper(cli))
}

// (c) A public field of a public struct, read negated: code outside the package decides.
pub struct Options {
    pub verify: bool,
}

impl Options {
    pub fn inline(&self) -> reqwest::Client {
        let mut builder = reqwest::Client::builder();
        if !self.verify {
            builder = builder.danger_accept_invalid_certs(true);
            //~^ cert_verification_runtime_toggle
        }
        builder.build().unwrap()
    }

    pub fn through_helper(&self) -> reqwest::Client {
        if !self.verify {
            self.unverified_client()
        } else {
            reqwest::Client::new()
        }
    }

    fn unverified_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            //~^ cert_verification_runtime_toggle
            .build()
            .unwrap()
    }
}
