module.exports = () => 'app uses ' + require('@it/reactor-ws-lib');
