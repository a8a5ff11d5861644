// A field filled from outside the code is a run-time switch, and the note names where from.

#[derive(clap::Parser)]
struct Args {
    #[arg(long)]
    skip_verify: bool,
}

fn run(args: &Args) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(args.skip_verify)
    //~^ cert_verification_runtime_toggle
}

#[derive(serde::Deserialize)]
struct Config {
    insecure: bool,
}

fn from_config(config: &Config) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(config.insecure)
    //~^ cert_verification_runtime_toggle
}

struct Env {
    insecure: bool,
}

fn env() -> Env {
    Env { insecure: std::env::var("INSECURE").is_ok() }
}

fn from_env(e: &Env) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(e.insecure)
    //~^ cert_verification_runtime_toggle
}
