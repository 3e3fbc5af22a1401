/** The troubleshooter: checks that turn a broken setup into findings with a cause, evidence and fix. */
package io.github.npmreg.doctor;
