/** CIFAR-10 reading, verification, download and augmentation on uint8 arrays. Plain Java. */
package org.simsiamexplorer.data;
