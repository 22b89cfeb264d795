/** PDF reports with OpenPDF: one per review for a release ticket, one history per project. */
package dev.readiness.render.pdf;
