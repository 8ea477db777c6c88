export * from "./env";
export { signIn, signInWithApi, signOut } from "./auth";
export { api } from "./api";
export { fake, type FakeFault, type FakeProvider, type FakeRequest } from "./fake";
