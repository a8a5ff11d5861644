// The HSTS value in every response shape the frameworks accept.
use axum::http::{HeaderValue, StatusCode, header};
use http::header::STRICT_TRANSPORT_SECURITY;

async fn axum_tuple_array() -> impl axum::response::IntoResponse {
    (
        StatusCode::OK,
        [(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=60"))],
        //~^ weak_hsts
        "ok",
    )
}

async fn axum_array_in_let() -> impl axum::response::IntoResponse {
    let headers = [(STRICT_TRANSPORT_SECURITY, "max-age=0")];
    //~^ weak_hsts
    (headers, "ok")
}

fn header_map() -> http::HeaderMap {
    http::HeaderMap::from_iter([(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=120"))])
    //~^ weak_hsts
}

fn builder() -> http::Result<http::Response<()>> {
    http::Response::builder().header(STRICT_TRANSPORT_SECURITY, "max-age=60").body(())
    //~^ weak_hsts
}

fn insert(headers: &mut http::HeaderMap) {
    headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=60"));
    //~^ weak_hsts
}

fn actix() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header(("Strict-Transport-Security", "max-age=60"))
        //~^ weak_hsts
        .finish()
}

async fn strong() -> impl axum::response::IntoResponse {
    (
        [(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"))],
        [(header::CONTENT_TYPE, "max-age=60")],
        "ok",
    )
}
