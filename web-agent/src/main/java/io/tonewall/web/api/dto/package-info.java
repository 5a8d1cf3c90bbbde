/** JSON shapes of the integrator API, bound with JSON-B. They carry no card data. */
package io.tonewall.web.api.dto;
