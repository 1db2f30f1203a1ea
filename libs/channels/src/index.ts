export * from './channel.types';
