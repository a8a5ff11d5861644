// The note names where a run-time value comes from: a clap builder flag, a pico-args flag, a
// `.env` variable read with dotenvy, an argh `FromArgs` field.

fn clap_builder(matches: &clap::ArgMatches) -> reqwest::Result<reqwest::Client> {
    let insecure = matches.get_flag("insecure");
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()
    //~^ cert_verification_runtime_toggle
}

fn pico(args: &mut pico_args::Arguments) -> reqwest::Result<reqwest::Client> {
    let skip = args.contains("--skip-verify");
    reqwest::Client::builder().danger_accept_invalid_hostnames(skip).build()
    //~^ cert_verification_runtime_toggle
}

fn dotenv() -> reqwest::Result<reqwest::Client> {
    let insecure = dotenvy::var("ACME_INSECURE").is_ok();
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()
    //~^ cert_verification_runtime_toggle
}

#[derive(argh::FromArgs)]
/// The command line.
struct Cli {
    /// accept any certificate
    #[argh(switch)]
    insecure: bool,
}

impl Cli {
    fn client(&self) -> reqwest::Result<reqwest::Client> {
        reqwest::Client::builder().danger_accept_invalid_certs(self.insecure).build()
        //~^ cert_verification_runtime_toggle
    }
}
