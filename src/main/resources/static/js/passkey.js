// Passkeys through Spring Security's WebAuthn endpoints: add one on the account page (#passkey-registration), use
// one as the second step of signing in (#passkey-sign-in). The forms are hidden until this script knows the browser
// can make and use passkeys; their hidden token is sent as the CSRF header.
"use strict";

(() => {
    const decode = (text) => {
        const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
        return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    };
    const encode = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const withIds = (credentials) => (credentials || []).map((credential) => ({...credential, id: decode(credential.id)}));

    const post = (form, url, body) => fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {
            "Content-Type": "application/json",
            "X-CSRF-TOKEN": form.querySelector("input[name=_csrf]").value
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });

    async function options(form, url) {
        const response = await post(form, url);
        if (!response.ok) {
            throw new Error("options refused");
        }
        return response.json();
    }

    async function register(form, label) {
        const asked = await options(form, "/webauthn/register/options");
        const created = await navigator.credentials.create({
            publicKey: {
                ...asked,
                user: {...asked.user, id: decode(asked.user.id)},
                challenge: decode(asked.challenge),
                excludeCredentials: withIds(asked.excludeCredentials)
            }
        });
        const response = await post(form, "/webauthn/register", {
            publicKey: {
                label,
                credential: {
                    id: created.id,
                    rawId: encode(created.rawId),
                    response: {
                        attestationObject: encode(created.response.attestationObject),
                        clientDataJSON: encode(created.response.clientDataJSON),
                        transports: created.response.getTransports ? created.response.getTransports() : []
                    },
                    type: created.type,
                    clientExtensionResults: created.getClientExtensionResults(),
                    authenticatorAttachment: created.authenticatorAttachment
                }
            }
        });
        return response.ok;
    }

    /** Resolves to the staff page to go to, or null when the passkey was refused. */
    async function signIn(form) {
        const asked = await options(form, "/webauthn/authenticate/options");
        const used = await navigator.credentials.get({
            publicKey: {...asked, challenge: decode(asked.challenge), allowCredentials: withIds(asked.allowCredentials)}
        });
        const response = await post(form, "/login/webauthn", {
            id: used.id,
            rawId: encode(used.rawId),
            response: {
                authenticatorData: encode(used.response.authenticatorData),
                clientDataJSON: encode(used.response.clientDataJSON),
                signature: encode(used.response.signature),
                userHandle: used.response.userHandle ? encode(used.response.userHandle) : null
            },
            type: used.type,
            clientExtensionResults: used.getClientExtensionResults(),
            authenticatorAttachment: used.authenticatorAttachment
        });
        // Accepted: the site redirected to the staff page that asked, and fetch followed it.
        return response.ok ? response.url : null;
    }

    function offer(form, run) {
        const status = document.getElementById(form.dataset.status);
        form.hidden = false;
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            const button = form.querySelector("button");
            button.disabled = true;
            status.textContent = "";
            try {
                await run(status);
            } catch (problem) {
                status.textContent = form.dataset.failed;
            } finally {
                button.disabled = false;
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        if (!window.PublicKeyCredential) {
            return;
        }
        const registration = document.getElementById("passkey-registration");
        if (registration) {
            document.getElementById("passkey-unsupported").hidden = true;
            offer(registration, async (status) => {
                const label = registration.elements.label.value.trim();
                if (!label) {
                    status.textContent = "Give the passkey a name first, such as the device it is on.";
                    registration.elements.label.focus();
                } else if (await register(registration, label)) {
                    window.location.assign("/staff/account?added");
                } else {
                    status.textContent = registration.dataset.failed;
                }
            });
        }
        const signInForm = document.getElementById("passkey-sign-in");
        if (signInForm) {
            offer(signInForm, async (status) => {
                const next = await signIn(signInForm);
                if (next) {
                    window.location.assign(next);
                } else {
                    status.textContent = signInForm.dataset.failed;
                }
            });
        }
    });
})();
