/** JavaFX views and view models, one sub-package per feature (XView + XViewModel). The only layer that imports javafx. */
package org.simsiamexplorer.app;
