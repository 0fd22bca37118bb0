/** Headless command line (train, evaluate, embed, explain) over the same service. */
package org.simsiamexplorer.cli;
