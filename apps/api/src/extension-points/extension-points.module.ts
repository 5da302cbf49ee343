import { Module } from '@nestjs/common';
import { ExtensionPointsController } from './extension-points.controller.js';

@Module({ controllers: [ExtensionPointsController] })
export class ExtensionPointsModule {}
