module.exports = () => require('@it/reactor-core')('ui');
