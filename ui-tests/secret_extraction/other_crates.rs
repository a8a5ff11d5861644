//@ level secret_extraction=warn
// A secret store's `extract_secrets` has nothing to do with TLS.
fn load(vault: &vault::Client) -> Vec<String> {
    vault.extract_secrets()
}
