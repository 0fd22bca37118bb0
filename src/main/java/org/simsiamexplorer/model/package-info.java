/** SimSiam network (CIFAR ResNet-18, projector, predictor), loss and classifier heads on DJL. */
package org.simsiamexplorer.model;
