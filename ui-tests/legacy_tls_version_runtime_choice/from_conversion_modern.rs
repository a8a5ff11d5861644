// A `From` conversion whose options are all TLS 1.2 or newer chooses no legacy version: no
// finding, whatever the command line says.
use reqwest::tls;

#[derive(Clone, Copy)]
pub enum Modern {
    Tls1_2,
    Tls1_3,
}

impl From<Modern> for tls::Version {
    fn from(version: Modern) -> Self {
        match version {
            Modern::Tls1_2 => tls::Version::TLS_1_2,
            Modern::Tls1_3 => tls::Version::TLS_1_3,
        }
    }
}

pub fn converted(min: Modern) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(min.into()).build()
}

pub fn by_from(min: Modern) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(tls::Version::from(min)).build()
}
