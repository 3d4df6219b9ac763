/** A root module whose apply creates `a` and `b`, then fails on `boom` (left tainted in the state); `c` is never created. */
export const PARTIAL_APPLY = `terraform {
  backend "local" {}
}
resource "terraform_data" "keep" {
  input = "keep"
}
resource "terraform_data" "a" {
  input = "a"
}
resource "terraform_data" "b" {
  input = "b"
}
resource "terraform_data" "boom" {
  depends_on = [terraform_data.a, terraform_data.b]
  provisioner "local-exec" {
    command     = "echo boom is broken >&2; exit 1"
    interpreter = ["/bin/sh", "-c"]
  }
}
resource "terraform_data" "c" {
  depends_on = [terraform_data.boom]
  input      = "c"
}
`

/** The base revision of PARTIAL_APPLY: only `keep`. */
export const BASE = `terraform {
  backend "local" {}
}
resource "terraform_data" "keep" {
  input = "keep"
}
`
