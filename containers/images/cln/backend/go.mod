module lnconform.org/cln-backend

go 1.22

toolchain go1.26.8
