/** Training service, run directories, device selection: what the app and the CLI both drive. */
package org.simsiamexplorer.service;
